using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Fidelity;

/// <summary>
/// One respondent's answers in one round: the validated <see cref="AnswerSet"/> as JSON (the engine's format,
/// with the instrument key and version they were given under). One per (round, respondent); edited in place
/// until the round closes. Nobody but the respondent sees the answers unless <see cref="SharedWithSupervisor"/>.
/// </summary>
public class FidelityResponse : IVersioned
{
    private static readonly JsonSerializerOptions CompactJson = new(InstrumentJson.Options) { WriteIndented = false };

    public int Id { get; set; }

    public int RoundId { get; set; }

    public FidelityRound? Round { get; set; }

    public required string RespondentId { get; set; }

    public required string InstrumentKey { get; set; }

    public int InstrumentVersion { get; set; }

    public required string AnswersJson { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The respondent lets the team's metodeveileder see these answers.</summary>
    public bool SharedWithSupervisor { get; set; }

    public long Version { get; set; }

    public AnswerSet Answers() => ParseAnswers(AnswersJson);

    public static AnswerSet ParseAnswers(string json) =>
        JsonSerializer.Deserialize<AnswerSet>(json, InstrumentJson.Options) ?? AnswerSet.Empty;

    /// <summary>
    /// Whether anything is answered: a form sent with every question blank (a tick-box question with nothing ticked is
    /// stored as answered, but on its own it is not a response) is not an answer, and must not count as one or be scored.
    /// </summary>
    public static bool AnythingAnswered(AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Values.Values.Any(v => v.Count > 0);
    }

    /// <summary>
    /// Replaces the stored answers with validated ones (the caller has checked that the round is open). Refuses a form with
    /// nothing answered (<see cref="AnythingAnswered"/>; <see cref="DomainException"/>, <c>Answer_NothingAnswered</c>).
    /// </summary>
    public void Record(AnswerSet answers, bool shared, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.InstrumentKey != InstrumentKey || answers.InstrumentVersion != InstrumentVersion)
        {
            throw new ArgumentException("The answers belong to another instrument version.", nameof(answers));
        }

        if (!AnythingAnswered(answers))
        {
            throw new DomainException(string.Empty, "Answer_NothingAnswered");
        }

        AnswersJson = JsonSerializer.Serialize(answers, CompactJson);
        SharedWithSupervisor = shared;
        UpdatedAtUtc = nowUtc;
    }
}

internal sealed class FidelityResponseConfiguration : IEntityTypeConfiguration<FidelityResponse>
{
    public void Configure(EntityTypeBuilder<FidelityResponse> builder)
    {
        builder.Property(r => r.RespondentId).HasMaxLength(450);
        builder.Property(r => r.InstrumentKey).HasMaxLength(InstrumentVersion.KeyMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Round).WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(r => r.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RoundId, r.RespondentId }).IsUnique();
        builder.HasIndex(r => r.RespondentId);
    }
}
