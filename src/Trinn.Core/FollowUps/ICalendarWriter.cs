using System.Globalization;
using System.Text;

namespace Trinn.Core.FollowUps;

/// <summary>One all-day event in the feed.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string? Description, string? Url);

/// <summary>
/// Writes an RFC 5545 calendar of all-day events: CRLF line ends, TEXT values escaped (backslash, semicolon, comma,
/// newline) and lines folded at 75 octets without splitting a UTF-8 character. DTSTAMP is UTC.
/// </summary>
public static class ICalendarWriter
{
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTime stampUtc)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Trinn//Oppfolging//NO");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        var stamp = stampUtc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid);
            Line(sb, "DTSTAMP:" + stamp);
            Line(sb, "DTSTART;VALUE=DATE:" + e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "DTEND;VALUE=DATE:" + e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (e.Description is not null)
            {
                Line(sb, "DESCRIPTION:" + Escape(e.Description));
            }

            if (e.Url is not null)
            {
                Line(sb, "URL:" + e.Url);
            }

            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>RFC 5545 3.3.11 TEXT escaping.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and one space.</summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sb = new StringBuilder();
        var octets = 0;
        var limit = MaxOctets;
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }

            sb.Append(element);
            octets += size;
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string line) => sb.Append(Fold(line)).Append("\r\n");
}
