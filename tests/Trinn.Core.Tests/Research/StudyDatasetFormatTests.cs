using System.Text;
using Trinn.Core.Audit;
using Trinn.Core.Research;

namespace Trinn.Core.Tests.Research;

public sealed class StudyDatasetFormatTests
{
    [Fact]
    public void ToCsv_MixedValues_Utf8BomInvariantIsoDatesFlagsAndEscapedFormula()
    {
        var table = new ExportTable("t", ["research_id", "date", "flag", "percent", "text"],
        [
            ["R-ABCDEFGH", new DateOnly(2026, 1, 31), true, 60, "=HYPERLINK(\"x\")"],
            ["R-23456789", null, false, null, "Ærlig, «sitat»"],
        ]);

        var bytes = StudyDataset.ToCsv(table);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("research_id,date,flag,percent,text", lines[0]);
        Assert.StartsWith("R-ABCDEFGH,2026-01-31,1,60,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.Equal("R-23456789,,0,,\"Ærlig, «sitat»\"", lines[2]);
    }

    [Theory]
    [InlineData("1990-06-15", "2026-06-14", "30-39")]
    [InlineData("1990-06-15", "2026-06-15", "30-39")]
    [InlineData("1997-06-15", "2026-06-14", "18-29")]
    [InlineData("1960-01-01", "2026-01-01", "60+")]
    [InlineData("2010-01-01", "2026-01-01", "under 18")]
    public void AgeBand_BirthDateAndDay_TenYearBand(string born, string on, string band) =>
        Assert.Equal(band, ResearchIds.AgeBand(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AgeBand_UnknownBirthDate_Null() => Assert.Null(ResearchIds.AgeBand(null, new DateOnly(2026, 1, 1)));

    [Theory]
    [InlineData("R-ABCDEFGH", true)]
    [InlineData("R-ABCDEFG", false)]
    [InlineData("R-ABCDEFGO", false)]
    [InlineData("X-ABCDEFGH", false)]
    [InlineData(null, false)]
    public void IsWellFormed_Value_AsAlphabetSays(string? value, bool expected) => Assert.Equal(expected, ResearchIds.IsWellFormed(value));

    [Fact]
    public void AuditEntry_PayloadRedacted_HashUnchangedAndDigestStillBinds()
    {
        var entry = new AuditEntry
        {
            Sequence = 1,
            AtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Action = AuditAction.Update,
            EntityType = "Candidate",
            EntityId = "7",
            CandidateId = 7,
            Changes = "{\"FirstName\":[\"Ola\",\"Kari\"]}",
            PreviousHash = AuditChain.GenesisHash,
            Hash = "",
        };
        entry.ChangesDigest = AuditEntry.Digest(entry.Changes);
        entry.Hash = entry.ComputeHash();

        entry.Changes = null;

        Assert.True(entry.IsRedacted);
        Assert.True(entry.PayloadMatchesDigest());
        Assert.Equal(entry.Hash, entry.ComputeHash());
        entry.ChangesDigest = AuditEntry.Digest("{}");
        Assert.NotEqual(entry.Hash, entry.ComputeHash());
    }

    [Fact]
    public void AuditEntry_PayloadEdited_DigestNoLongerMatches()
    {
        var entry = new AuditEntry { EntityType = "Team", Changes = "{\"Name\":[null,\"A\"]}", PreviousHash = "", Hash = "" };
        entry.ChangesDigest = AuditEntry.Digest(entry.Changes);

        entry.Changes = "{\"Name\":[null,\"B\"]}";

        Assert.False(entry.PayloadMatchesDigest());
    }
}
