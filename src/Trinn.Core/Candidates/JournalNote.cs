using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;

namespace Trinn.Core.Candidates;

/// <summary>
/// A journal note: date, kind, place (office or out), duration and text. Written once by its author; afterwards the
/// author can correct it (the earlier content is kept as a <see cref="JournalNoteRevision"/> and shown as history) or
/// mark it as entered in error with a reason (it stays, struck through). Only retention ever removes its text.
/// </summary>
public class JournalNote : IVersioned
{
    public const int TextMaxLength = 4000;
    public const int MaxDurationMinutes = 24 * 60;
    public const int ReasonMaxLength = 1000;

    // The content can be set when the note is made and changed afterwards only by Correct, which keeps the history.
    private DateOnly _date;
    private JournalKind _kind;
    private WorkPlace _place;
    private int _durationMinutes;
    private string _text = "";

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public required string AuthorId { get; init; }

    public DateOnly Date { get => _date; init => _date = value; }

    public JournalKind Kind { get => _kind; init => _kind = value; }

    public WorkPlace Place { get => _place; init => _place = value; }

    public int DurationMinutes { get => _durationMinutes; init => _durationMinutes = value; }

    public required string Text { get => _text; init => _text = value; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>When the author last corrected the note; null while it is as first written.</summary>
    public DateTime? CorrectedAtUtc { get; private set; }

    /// <summary>When the note was marked as entered in error (feilført); it is then shown struck through and counts for nothing.</summary>
    public DateTime? EnteredInErrorAtUtc { get; private set; }

    public string? EnteredInErrorReason { get; private set; }

    public long Version { get; set; }

    /// <summary>The earlier contents, oldest first.</summary>
    public List<JournalNoteRevision> Revisions { get; } = [];

    public bool IsEnteredInError => EnteredInErrorAtUtc is not null;

    /// <summary>Whether the note completes a planned follow-up after job start (a meeting with the candidate, not struck out).</summary>
    public bool CompletesFollowUp => !IsEnteredInError && JournalKinds.IsMeetingWithCandidate(Kind);

    /// <summary>
    /// A new note for <paramref name="candidate"/> (with its <see cref="Candidate.Agreement"/> loaded): every field is
    /// checked, and a contact with the NAV-veileder or health services needs the candidate's consent.
    /// </summary>
    public static JournalNote Create(
        Candidate candidate, string authorId, DateOnly? date, JournalKind? kind, WorkPlace? place, int? durationMinutes, string? text,
        DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var content = Check(candidate.Agreement, date, kind, place, durationMinutes, text, today);
        return new JournalNote
        {
            CandidateId = candidate.Id,
            Candidate = candidate,
            AuthorId = authorId,
            Date = content.Date,
            Kind = content.Kind,
            Place = content.Place,
            DurationMinutes = content.Minutes,
            Text = content.Text,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// The author corrects the note under the same rules as a new one; the content before the correction is kept as a
    /// revision. Someone else, or a note marked as entered in error, is refused.
    /// </summary>
    public void Correct(
        string byUserId, CooperationAgreement? agreement, DateOnly? date, JournalKind? kind, WorkPlace? place, int? durationMinutes, string? text,
        DateOnly today, DateTime nowUtc)
    {
        EnsureAuthor(byUserId);
        if (IsEnteredInError)
        {
            throw new DomainException(nameof(Text), "Error_NoteEnteredInError");
        }

        var content = Check(agreement, date, kind, place, durationMinutes, text, today);
        if (content.Date == Date && content.Kind == Kind && content.Place == Place && content.Minutes == DurationMinutes && content.Text == Text)
        {
            throw new DomainException(nameof(Text), "Error_NoteUnchanged");
        }

        Revisions.Add(new JournalNoteRevision
        {
            CandidateId = CandidateId,
            Date = Date,
            Kind = Kind,
            Place = Place,
            DurationMinutes = DurationMinutes,
            Text = Text,
            ReplacedAtUtc = nowUtc,
            ReplacedById = byUserId,
        });
        _date = content.Date;
        _kind = content.Kind;
        _place = content.Place;
        _durationMinutes = content.Minutes;
        _text = content.Text;
        CorrectedAtUtc = nowUtc;
    }

    /// <summary>The author marks the note as entered in error (feilført) with a reason. The note stays, struck through.</summary>
    public void MarkEnteredInError(string byUserId, string? reason, DateTime nowUtc)
    {
        EnsureAuthor(byUserId);
        if (IsEnteredInError)
        {
            throw new DomainException("Reason", "Error_NoteEnteredInError");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Reason", "Error_Required");
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new DomainException("Reason", "Error_TooLong");
        }

        EnteredInErrorAtUtc = nowUtc;
        EnteredInErrorReason = reason.Trim();
    }

    private void EnsureAuthor(string byUserId)
    {
        if (!string.Equals(byUserId, AuthorId, StringComparison.Ordinal))
        {
            throw new DomainException(nameof(Text), "Error_NotNoteAuthor");
        }
    }

    private static (DateOnly Date, JournalKind Kind, WorkPlace Place, int Minutes, string Text) Check(
        CooperationAgreement? agreement, DateOnly? date, JournalKind? kind, WorkPlace? place, int? durationMinutes, string? text, DateOnly today)
    {
        if (date is not { } d)
        {
            throw new DomainException(nameof(Date), "Error_Required");
        }

        if (d > today)
        {
            throw new DomainException(nameof(Date), "Error_DateInFuture");
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            throw new DomainException(nameof(Kind), "Error_Required");
        }

        if (place is not { } p || !Enum.IsDefined(p))
        {
            throw new DomainException(nameof(Place), "Error_Required");
        }

        var minutes = durationMinutes ?? 0;
        if (minutes is < 0 or > MaxDurationMinutes)
        {
            throw new DomainException(nameof(DurationMinutes), "Error_Duration");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(nameof(Text), "Error_Required");
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainException(nameof(Text), "Error_TooLong");
        }

        if (JournalKinds.ConsentNeeded(k) is { } consent)
        {
            ConsentRules.Require(agreement, consent, nameof(Kind));
        }

        return (d, k, p, minutes, text);
    }
}

/// <summary>A journal note's content before one correction: who replaced it and when.</summary>
public class JournalNoteRevision
{
    public int Id { get; set; }

    public int JournalNoteId { get; set; }

    /// <summary>The note's candidate, so the audit trail and retention find the row by candidate.</summary>
    public int CandidateId { get; init; }

    public DateOnly Date { get; init; }

    public JournalKind Kind { get; init; }

    public WorkPlace Place { get; init; }

    public int DurationMinutes { get; init; }

    public required string Text { get; init; }

    public DateTime ReplacedAtUtc { get; init; }

    public required string ReplacedById { get; init; }
}

internal sealed class JournalNoteConfiguration : IEntityTypeConfiguration<JournalNote>
{
    public void Configure(EntityTypeBuilder<JournalNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(JournalNote.TextMaxLength);
        builder.Property(n => n.AuthorId).HasMaxLength(450);
        builder.Property(n => n.CorrectedAtUtc);
        builder.Property(n => n.EnteredInErrorAtUtc);
        builder.Property(n => n.EnteredInErrorReason).HasMaxLength(JournalNote.ReasonMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.IsEnteredInError);
        builder.Ignore(n => n.CompletesFollowUp);
        builder.HasMany(n => n.Revisions).WithOne().HasForeignKey(r => r.JournalNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CandidateId, n.Date });
    }
}

internal sealed class JournalNoteRevisionConfiguration : IEntityTypeConfiguration<JournalNoteRevision>
{
    public void Configure(EntityTypeBuilder<JournalNoteRevision> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(JournalNote.TextMaxLength);
        builder.Property(r => r.ReplacedById).HasMaxLength(450);
        builder.HasIndex(r => r.JournalNoteId);
        builder.HasIndex(r => r.CandidateId);
    }
}
