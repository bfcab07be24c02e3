using System.Text;
using Trinn.Core.FollowUps;

namespace Trinn.Core.Tests.FollowUps;

public sealed class ICalendarWriterTests
{
    [Fact]
    public void Escape_Rfc5545Text() =>
        Assert.Equal("a\\,b\\;c\\\\d\\ne\\nf", ICalendarWriter.Escape("a,b;c\\d\ne\r\nf"));

    [Fact]
    public void Fold_EightyAsciiCharacters_75ThenSpaceAndRest()
    {
        var line = new string('x', 80);
        Assert.Equal(new string('x', 75) + "\r\n " + new string('x', 5), ICalendarWriter.Fold(line));
    }

    [Fact]
    public void Fold_NeverSplitsAUtf8Character_AndNoLineExceeds75Octets()
    {
        var line = new string('x', 74) + "øøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøø";
        var folded = ICalendarWriter.Fold(line);
        Assert.StartsWith(new string('x', 74) + "\r\n ø", folded, StringComparison.Ordinal);
        Assert.All(folded.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AllDayEventsWithCrlfAndUtcStamp()
    {
        var ics = ICalendarWriter.Write("Trinn – oppfølging", [new CalendarEvent("followup-7@trinn", new DateOnly(2026, 11, 30), "Oppfølging A.B.", "Ukentlig, første måned", "https://trinn.example/FollowUps/Index/3")],
            new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\nUID:followup-7@trinn\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20261127T100000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:Ukentlig\\, første måned\r\n", ics, StringComparison.Ordinal);
    }
}
