using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;
using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Scoring;
using Trinn.Core.Research;

namespace Trinn.Core.Surveys;

/// <summary>Where a wave stands on a given day (<see cref="SurveyWave.StatusOn"/>).</summary>
public enum WaveStatus
{
    /// <summary>The window has not opened yet.</summary>
    Scheduled = 1,

    /// <summary>The window is open and no invitation has gone out.</summary>
    Due = 2,

    /// <summary>Invited (or reminded), not answered, target date not passed.</summary>
    Sent = 3,

    /// <summary>Not answered after the target date; the window is still open.</summary>
    Overdue = 4,

    /// <summary>Submitted, by the candidate or entered from paper.</summary>
    Answered = 5,

    /// <summary>The window closed without an answer.</summary>
    Missed = 6,

    /// <summary>The participant withdrew consent before answering.</summary>
    Withdrawn = 7,
}

/// <summary>
/// One participant's wave of the study questionnaire (e.g. 3 months after inclusion): its window, the draft the
/// candidate saves while answering, the submitted answers (once), and the invitations and reminders sent.
/// </summary>
public class SurveyWave : IVersioned
{
    public int Id { get; private set; }

    public int ParticipantId { get; private set; }

    public StudyParticipant? Participant { get; private set; }

    public int StudyId { get; private set; }

    /// <summary>Kept on the wave so reads can check the team in the query and the audit trail names the candidate.</summary>
    public int CandidateId { get; private set; }

    public int Number { get; private set; }

    public int OffsetMonths { get; private set; }

    public DateOnly TargetDate { get; private set; }

    public DateOnly OpensOn { get; private set; }

    public DateOnly ClosesOn { get; private set; }

    public string InstrumentKey { get; private set; } = "";

    public int InstrumentVersion { get; private set; }

    /// <summary>Answers saved so far (JSON of an <see cref="AnswerSet"/>'s values); cleared on submit.</summary>
    public string? DraftJson { get; private set; }

    public string? AnswersJson { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>Entered by a job specialist from a paper form.</summary>
    public bool Paper { get; private set; }

    public string? EnteredById { get; private set; }

    public DateTime? InvitedAtUtc { get; private set; }

    public int RemindersSent { get; private set; }

    public DateTime? LastReminderAtUtc { get; private set; }

    public bool Withdrawn { get; private set; }

    public long Version { get; set; }

    public bool IsAnswered => SubmittedAtUtc is not null;

    public static SurveyWave Schedule(StudyParticipant participant, int candidateId, int studyId, WaveDates dates, string instrumentKey, int instrumentVersion)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(dates);
        return new SurveyWave
        {
            Participant = participant,
            CandidateId = candidateId,
            StudyId = studyId,
            Number = dates.Number,
            OffsetMonths = dates.OffsetMonths,
            TargetDate = dates.Target,
            OpensOn = dates.Opens,
            ClosesOn = dates.Closes,
            InstrumentKey = instrumentKey,
            InstrumentVersion = instrumentVersion,
        };
    }

    public WaveStatus StatusOn(DateOnly today) =>
        IsAnswered ? WaveStatus.Answered
        : Withdrawn ? WaveStatus.Withdrawn
        : Status(today, OpensOn, ClosesOn, TargetDate, InvitedAtUtc is not null);

    /// <summary>The status rule in one place, also for queries that only have the columns.</summary>
    public static WaveStatus Status(DateOnly today, DateOnly opens, DateOnly closes, DateOnly target, bool invited) =>
        today < opens ? WaveStatus.Scheduled
        : today > closes ? WaveStatus.Missed
        : today > target ? WaveStatus.Overdue
        : invited ? WaveStatus.Sent
        : WaveStatus.Due;

    /// <summary>Whether the candidate (or a job specialist with a paper form) may answer today.</summary>
    public bool IsOpenOn(DateOnly today) => !IsAnswered && !Withdrawn && today >= OpensOn && today <= ClosesOn;

    public AnswerSet Draft() => Read(DraftJson);

    public AnswerSet Answers() => Read(AnswersJson);

    /// <summary>Saves answers so far (save and continue); refused once submitted or outside the window.</summary>
    public void SaveDraft(AnswerSet answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        EnsureOpen(today);
        DraftJson = System.Text.Json.JsonSerializer.Serialize(answers.Values);
    }

    /// <summary>
    /// Submits the wave once: validates the whole answer set against the instrument (answers to items hidden by
    /// branching are dropped), stores it, clears the draft and returns the construct scores to store.
    /// </summary>
    public IReadOnlyList<SurveyScore> Submit(InstrumentDefinition definition, AnswerSet answers, string researchId, bool paper, string? enteredById, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        EnsureOpen(today);
        if (definition.Key != InstrumentKey || definition.Version != InstrumentVersion)
        {
            throw new InvalidOperationException("The wave was scheduled with another instrument version.");
        }

        var result = AnswerValidator.Validate(definition, answers.Values);
        if (!result.IsValid)
        {
            throw new DomainException(result.Errors[0].ItemId, "Error_InvalidAnswers");
        }

        AnswersJson = System.Text.Json.JsonSerializer.Serialize(result.Answers.Values);
        DraftJson = null;
        SubmittedAtUtc = nowUtc;
        Paper = paper;
        EnteredById = paper ? enteredById : null;
        return ScoringEngine.ScoreAll(definition, result.Answers)
            .Select(s => SurveyScore.From(this, researchId, s, nowUtc))
            .ToList();
    }

    public void MarkInvited(DateTime nowUtc) => InvitedAtUtc ??= nowUtc;

    public void MarkReminded(DateTime nowUtc)
    {
        RemindersSent++;
        LastReminderAtUtc = nowUtc;
    }

    internal void Withdraw(bool deleteAnswers)
    {
        Withdrawn = true;
        DraftJson = null;
        if (deleteAnswers)
        {
            AnswersJson = null;
        }
    }

    private void EnsureOpen(DateOnly today)
    {
        if (IsAnswered)
        {
            throw new DomainException("", "Error_WaveAlreadyAnswered");
        }

        if (Withdrawn)
        {
            throw new DomainException("", "Error_WaveWithdrawn");
        }

        if (today < OpensOn || today > ClosesOn)
        {
            throw new DomainException("", "Error_WaveClosed");
        }
    }

    private AnswerSet Read(string? json) => json is null
        ? AnswerSet.Empty with { InstrumentKey = InstrumentKey, InstrumentVersion = InstrumentVersion }
        : new AnswerSet
        {
            InstrumentKey = InstrumentKey,
            InstrumentVersion = InstrumentVersion,
            Values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json)!
                .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
        };
}

/// <summary>
/// A personal answer link's token. The link carries the token; only its SHA-256 is stored, so a database copy
/// gives no working links. Each message (invitation, reminder) gets its own token; every token of a wave works
/// while the wave is open.
/// </summary>
public class SurveyLinkToken
{
    public int Id { get; private set; }

    public int WaveId { get; private set; }

    public SurveyWave? Wave { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>A fresh token (returned, to put in the link) and its row (to save).</summary>
    public static (string Token, SurveyLinkToken Row) Issue(int waveId, DateTime nowUtc)
    {
        var token = SurveyTokens.New();
        return (token, new SurveyLinkToken { WaveId = waveId, TokenHash = SurveyTokens.Hash(token), CreatedAtUtc = nowUtc });
    }

    /// <summary>
    /// A link the job specialist gives the candidate in person (by SMS, or opened on the candidate's phone in a meeting),
    /// for candidates without e-mail or when no mail server is set up. Only while the wave is open and the consent stands
    /// (<see cref="DomainException"/> on <c>WaveId</c>, <c>Error_WaveNotOpenForLink</c>); it counts as the wave's invitation.
    /// Links sent earlier keep working.
    /// </summary>
    public static (string Token, SurveyLinkToken Row) HandOver(SurveyWave wave, bool consentStands, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(wave);
        if (!consentStands || !wave.IsOpenOn(today))
        {
            throw new DomainException(nameof(WaveId), "Error_WaveNotOpenForLink");
        }

        wave.MarkInvited(nowUtc);
        return Issue(wave.Id, nowUtc);
    }
}

public static class SurveyTokens
{
    /// <summary>32 random bytes as base64url: 43 characters, 256 bits.</summary>
    public const int Length = 43;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>Length and alphabet only (no database look-up): a tampered or truncated link fails here.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class SurveyWaveConfiguration : IEntityTypeConfiguration<SurveyWave>
{
    public void Configure(EntityTypeBuilder<SurveyWave> builder)
    {
        builder.ToTable("SurveyWaves");
        builder.HasIndex(w => new { w.ParticipantId, w.Number }).IsUnique();
        builder.HasIndex(w => new { w.StudyId, w.OpensOn });
        builder.HasIndex(w => w.CandidateId);
        builder.HasOne(w => w.Participant).WithMany().HasForeignKey(w => w.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.InstrumentKey).HasMaxLength(64);
        builder.Property(w => w.EnteredById).HasMaxLength(450);
        builder.Property(w => w.Version).IsConcurrencyToken();
    }
}

internal sealed class SurveyLinkTokenConfiguration : IEntityTypeConfiguration<SurveyLinkToken>
{
    public void Configure(EntityTypeBuilder<SurveyLinkToken> builder)
    {
        builder.ToTable("SurveyLinkTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne(t => t.Wave).WithMany().HasForeignKey(t => t.WaveId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary><see cref="SurveyWave.StatusOn"/> as query filters (translated to SQL on both providers).</summary>
public static class WaveQueries
{
    public static IQueryable<SurveyWave> WithStatus(this IQueryable<SurveyWave> waves, WaveStatus status, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var pending = waves.Where(w => w.SubmittedAtUtc == null && !w.Withdrawn);
        return status switch
        {
            WaveStatus.Answered => waves.Where(w => w.SubmittedAtUtc != null),
            WaveStatus.Withdrawn => waves.Where(w => w.SubmittedAtUtc == null && w.Withdrawn),
            WaveStatus.Scheduled => pending.Where(w => today < w.OpensOn),
            WaveStatus.Missed => pending.Where(w => today > w.ClosesOn),
            WaveStatus.Overdue => pending.Where(w => w.OpensOn <= today && today <= w.ClosesOn && today > w.TargetDate),
            WaveStatus.Sent => pending.Where(w => w.OpensOn <= today && today <= w.TargetDate && w.InvitedAtUtc != null),
            WaveStatus.Due => pending.Where(w => w.OpensOn <= today && today <= w.TargetDate && w.InvitedAtUtc == null),
            _ => waves.Where(_ => false),
        };
    }

    /// <summary>The status names the API and the pages accept in <c>?status=</c>.</summary>
    public static bool TryParse(string? text, out WaveStatus status)
    {
        status = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status);
    }
}
