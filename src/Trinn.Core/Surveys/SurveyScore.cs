using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Instruments.Scoring;

namespace Trinn.Core.Surveys;

/// <summary>
/// One construct score of one submitted wave, in a flat row meant for research queries and exports (long format:
/// research ID × wave × construct). <see cref="Value"/> is null when too few items were answered (the missing-item
/// rule of the instrument, INSTRUMENTS.md B.2: at least half the items, rounded up, unless the rule says more).
/// </summary>
public class SurveyScore
{
    public const int ConstructKeyMaxLength = 64;

    public int Id { get; private set; }

    public int WaveId { get; private set; }

    public int StudyId { get; private set; }

    public int ParticipantId { get; private set; }

    public string ResearchId { get; private set; } = "";

    public int CandidateId { get; private set; }

    public int WaveNumber { get; private set; }

    public int OffsetMonths { get; private set; }

    public string ConstructKey { get; private set; } = "";

    public decimal? Value { get; private set; }

    /// <summary>A "don't know" answer was given (e.g. RTW expectancy "Vet ikke/usikker"), whichever way it was scored.</summary>
    public bool Unknown { get; private set; }

    public int Answered { get; private set; }

    public int ItemCount { get; private set; }

    public bool HigherIsBetter { get; private set; }

    public string InstrumentKey { get; private set; } = "";

    public int InstrumentVersion { get; private set; }

    public DateTime AnsweredAtUtc { get; private set; }

    public bool Paper { get; private set; }

    internal static SurveyScore From(SurveyWave wave, string researchId, ScoreResult result, DateTime answeredAtUtc) => new()
    {
        WaveId = wave.Id,
        StudyId = wave.StudyId,
        ParticipantId = wave.ParticipantId,
        ResearchId = researchId,
        CandidateId = wave.CandidateId,
        WaveNumber = wave.Number,
        OffsetMonths = wave.OffsetMonths,
        ConstructKey = result.ScoreId,
        Value = result.Value,
        Unknown = result.Unknown,
        Answered = result.Answered,
        ItemCount = result.ItemCount,
        HigherIsBetter = result.HigherIsBetter,
        InstrumentKey = wave.InstrumentKey,
        InstrumentVersion = wave.InstrumentVersion,
        AnsweredAtUtc = answeredAtUtc,
        Paper = wave.Paper,
    };
}

internal sealed class SurveyScoreConfiguration : IEntityTypeConfiguration<SurveyScore>
{
    public void Configure(EntityTypeBuilder<SurveyScore> builder)
    {
        builder.ToTable("SurveyScores");
        builder.Property(s => s.ResearchId).HasMaxLength(Research.StudyParticipant.ResearchIdLength);
        builder.Property(s => s.ConstructKey).HasMaxLength(SurveyScore.ConstructKeyMaxLength);
        builder.Property(s => s.InstrumentKey).HasMaxLength(64);
        builder.Property(s => s.Value).HasPrecision(18, 6);
        builder.HasIndex(s => new { s.WaveId, s.ConstructKey }).IsUnique();
        builder.HasIndex(s => new { s.StudyId, s.ConstructKey, s.WaveNumber });
        builder.HasIndex(s => s.CandidateId);
        builder.HasOne<SurveyWave>().WithMany().HasForeignKey(s => s.WaveId).OnDelete(DeleteBehavior.Cascade);
    }
}
