using Microsoft.EntityFrameworkCore;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Employers;

namespace Trinn.Core.FollowUps;

/// <summary>
/// Keeps planned follow-ups in step with what is recorded, so nobody records a meeting twice: a meeting with the
/// candidate (journal note) or a workplace follow-up (employer contact) completes the open slot whose own window holds
/// its date (<see cref="FollowUp.MatchMeeting"/>); changing or removing the note or contact undoes that and matches
/// again. The caller saves.
/// </summary>
public static class FollowUpCompletion
{
    /// <summary>After a new journal note: a meeting with the candidate completes the slot its date belongs to.</summary>
    public static async Task<FollowUp?> OnNoteAddedAsync(TrinnDbContext db, JournalNote note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(note);
        if (!note.CompletesFollowUp)
        {
            return null;
        }

        var match = FollowUp.MatchMeeting(await CandidateSlotsAsync(db, note.CandidateId, note.Date, ct), note.Date);
        match?.MarkDone(note.Date, FollowUpDoneBy.JournalNote, note: note);
        return match;
    }

    /// <summary>
    /// After a note was corrected or struck out: the slots it completed are open again, and a note that still is a
    /// meeting completes the slot of its (new) date.
    /// </summary>
    public static async Task OnNoteChangedAsync(TrinnDbContext db, JournalNote note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(note);
        var id = note.Id;
        var earlier = await db.Set<FollowUp>().Include(f => f.Placement).Where(f => f.DoneByJournalNoteId == id).ToListAsync(ct);
        foreach (var f in earlier)
        {
            f.Reopen();
        }

        if (note.CompletesFollowUp)
        {
            var slots = (await CandidateSlotsAsync(db, note.CandidateId, note.Date, ct)).Union(earlier);
            FollowUp.MatchMeeting(slots, note.Date)?.MarkDone(note.Date, FollowUpDoneBy.JournalNote, note: note);
        }
    }

    /// <summary>After a new employer contact: a workplace follow-up completes the slot of that job for each linked candidate.</summary>
    public static async Task OnContactAddedAsync(TrinnDbContext db, EmployerContact contact, IEnumerable<int> candidateIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(candidateIds);
        if (contact.Kind != EmployerContactKind.WorkplaceFollowUp)
        {
            return;
        }

        foreach (var candidateId in candidateIds)
        {
            FollowUp.MatchMeeting(await CandidateSlotsAsync(db, candidateId, contact.Date, ct), contact.Date, contact.EmployerId)
                ?.MarkDone(contact.Date, FollowUpDoneBy.EmployerContact, contact);
        }
    }

    /// <summary>
    /// After an employer contact was edited or deleted: the slots it completed go back to planned, and when it is (still) a
    /// workplace follow-up and not being deleted, its date completes the matching slots again.
    /// </summary>
    public static async Task OnContactChangedAsync(TrinnDbContext db, EmployerContact contact, bool deleting, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contact);
        var id = contact.Id;
        var earlier = await db.Set<FollowUp>().Include(f => f.Placement).Where(f => f.DoneByContactId == id).ToListAsync(ct);
        foreach (var f in earlier)
        {
            f.Reopen();
        }

        if (deleting || contact.Kind != EmployerContactKind.WorkplaceFollowUp)
        {
            return;
        }

        foreach (var candidateId in contact.Candidates.Select(l => l.CandidateId).Distinct())
        {
            var slots = (await CandidateSlotsAsync(db, candidateId, contact.Date, ct)).Union(earlier.Where(f => f.CandidateId == candidateId));
            FollowUp.MatchMeeting(slots, contact.Date, contact.EmployerId)?.MarkDone(contact.Date, FollowUpDoneBy.EmployerContact, contact);
        }
    }

    /// <summary>The candidate's open slots that can hold <paramref name="date"/> in their window, tracked, with their job.</summary>
    private static async Task<List<FollowUp>> CandidateSlotsAsync(TrinnDbContext db, int candidateId, DateOnly date, CancellationToken ct)
    {
        var (from, to) = (date.AddDays(-FollowUp.MaxWindowReachDays), date.AddDays(FollowUp.MaxWindowReachDays));
        return await db.Set<FollowUp>().Include(f => f.Placement)
            .Where(f => f.CandidateId == candidateId && f.DoneOn == null && f.ClosedOn == null && f.PlannedDate >= from && f.PlannedDate <= to)
            .ToListAsync(ct);
    }
}
