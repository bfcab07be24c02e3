using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Employers;

namespace Trinn.Core.TimeLog;

/// <summary>
/// Keeps the time carried over from a journal note or an employer contact (<see cref="TimeBlock.JournalNoteId"/>,
/// <see cref="TimeBlock.EmployerContactId"/>) in step when the note or contact changes or goes. The caller saves, in the
/// same save as the change itself.
/// </summary>
public static class CarriedTime
{
    /// <summary>
    /// After an employer contact was edited: when its time (<paramref name="before"/> against now) changed, the carried
    /// block follows it, or goes when the contact no longer has a duration. An edit that leaves the time alone leaves the
    /// block alone, so a block the specialist adjusted in the time log keeps its adjustment.
    /// </summary>
    public static async Task OnContactChangedAsync(TrinnDbContext db, EmployerContact contact, ContactTiming before, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contact);
        if (!before.DiffersFrom(contact))
        {
            return;
        }

        var id = contact.Id;
        if (await db.Set<TimeBlock>().SingleOrDefaultAsync(b => b.EmployerContactId == id, ct) is { } block && !block.FollowContact(contact))
        {
            db.Remove(block);
        }
    }

    /// <summary>Before an employer contact is deleted: the time carried from it goes with it.</summary>
    public static async Task OnContactDeletedAsync(TrinnDbContext db, int contactId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.RemoveRange(await db.Set<TimeBlock>().Where(b => b.EmployerContactId == contactId).ToListAsync(ct));
    }

    /// <summary>After a journal note was corrected or struck out: the carried block follows it, or goes (<see cref="TimeBlock.FollowJournalNote"/>).</summary>
    public static async Task OnNoteChangedAsync(TrinnDbContext db, JournalNote note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(note);
        var id = note.Id;
        if (await db.Set<TimeBlock>().SingleOrDefaultAsync(b => b.JournalNoteId == id, ct) is { } block && !block.FollowJournalNote(note))
        {
            db.Remove(block);
        }
    }
}

/// <summary>What of an employer contact decides the time carried from it: the date, the duration and the kind (a phone call is in the office).</summary>
public readonly record struct ContactTiming(DateOnly Date, int Minutes, EmployerContactKind Kind)
{
    public static ContactTiming Of(EmployerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(contact.Date, contact.DurationMinutes, contact.Kind);
    }

    public bool DiffersFrom(EmployerContact contact) => this != Of(contact);
}
