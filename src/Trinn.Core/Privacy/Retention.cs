using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.ActionPlans;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Data;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Privacy;

/// <summary>How long a discharged candidate's personal data is kept (<c>Retention:MonthsAfterDischarge</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Months after the discharge date. The report states no period; 60 months (five years) is Trinn's default, for
    /// the data controller to set from its own records schedule (docs/adr/retention.md).
    /// </summary>
    [Range(1, 1200)]
    public int MonthsAfterDischarge { get; set; } = 60;
}

/// <summary>One candidate retention would anonymise: id, discharge date and rows with personal values per table. Never a name.</summary>
public sealed record RetentionCandidate(int CandidateId, DateOnly DischargedOn, IReadOnlyDictionary<string, int> Rows);

public sealed record RetentionPlan(DateOnly DischargedBefore, IReadOnlyList<RetentionCandidate> Candidates);

/// <summary>
/// Anonymises candidates discharged longer ago than the retention period: names, national ID (ciphertext and lookup
/// hash), contact details and every free text on the candidate and the rows about them are removed, and the audit
/// payloads that describe them are redacted (their digests stay, so the chain still verifies). Research IDs, stages,
/// dates, placement kinds and outcomes stay. Idempotent: an anonymised candidate is never selected again.
/// </summary>
public static class Retention
{
    public const string AnonymousFirstName = "Anonymisert";

    /// <summary>The title a job opportunity carved for an anonymised candidate keeps (the column is required).</summary>
    public const string AnonymousOpportunityTitle = "Anonymisert stilling";

    /// <summary>The candidates that are due, with what would change; changes nothing.</summary>
    public static async Task<RetentionPlan> PlanAsync(TrinnDbContext db, RetentionOptions options, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var before = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddMonths(-options.MonthsAfterDischarge);
        var due = await db.Candidates.AsNoTracking()
            .Where(c => c.AnonymisedAtUtc == null && c.DischargedOn != null && c.DischargedOn < before)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, DischargedOn = c.DischargedOn!.Value })
            .ToListAsync(ct);
        var candidates = new List<RetentionCandidate>(due.Count);
        foreach (var c in due)
        {
            var scope = await Scope.LoadAsync(db, c.Id, ct);
            candidates.Add(new RetentionCandidate(c.Id, c.DischargedOn, await scope.CountAsync(db, ct)));
        }

        return new RetentionPlan(before, candidates);
    }

    /// <summary>Anonymises every due candidate, one transaction each, and audits each without personal data.</summary>
    public static async Task<RetentionPlan> ApplyAsync(TrinnDbContext db, RetentionOptions options, TimeProvider time, CancellationToken ct = default)
    {
        var plan = await PlanAsync(db, options, time, ct);
        foreach (var candidate in plan.Candidates)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var scope = await Scope.LoadAsync(db, candidate.CandidateId, ct);
            await scope.AnonymiseAsync(db, time.GetUtcNow().UtcDateTime, ct);
            var changes = candidate.Rows.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => new object?[] { null, r.Value });
            await db.AuditAsync(
                [new AuditEvent(AuditAction.Anonymise, nameof(Candidate), candidate.CandidateId.ToString(CultureInfo.InvariantCulture), candidate.CandidateId, JsonSerializer.Serialize(changes))],
                ct);
            await tx.CommitAsync(ct);
        }

        if (plan.Candidates.Count > 0 && db.Database.IsSqlite())
        {
            // SQLite keeps deleted text in free pages until the file is rebuilt; the file alone must not reveal it.
            await db.Database.ExecuteSqlRawAsync("VACUUM", ct);
        }

        return plan;
    }

    /// <summary>The ids of every row that belongs to one candidate and may hold personal values.</summary>
    private sealed record Scope(int CandidateId, List<int> JournalNoteIds, List<int> PlacementIds, List<int> MeasureIds, List<int> PeriodIds, List<int> ExtensionIds, List<int> ContactIds, List<int> TimeBlockIds,
        List<int> OpportunityIds)
    {
        public static async Task<Scope> LoadAsync(TrinnDbContext db, int id, CancellationToken ct)
        {
            var notes = await db.JournalNotes.Where(n => n.CandidateId == id).Select(n => n.Id).ToListAsync(ct);
            var placements = await db.Set<Placement>().Where(p => p.CandidateId == id).Select(p => p.Id).ToListAsync(ct);
            var measures = await db.Set<SupportMeasure>().Where(m => placements.Contains(m.PlacementId)).Select(m => m.Id).ToListAsync(ct);
            var periods = await db.Set<FollowUpPeriod>().Where(p => p.CandidateId == id).Select(p => p.Id).ToListAsync(ct);
            var extensions = await db.Set<PeriodExtension>().Where(e => periods.Contains(e.FollowUpPeriodId)).Select(e => e.Id).ToListAsync(ct);
            var contacts = await db.Set<EmployerContactCandidate>().Where(l => l.CandidateId == id).Select(l => l.EmployerContactId).ToListAsync(ct);
            var blocks = await db.Set<TimeBlock>()
                .Where(b => (b.JournalNoteId != null && notes.Contains(b.JournalNoteId.Value)) || (b.EmployerContactId != null && contacts.Contains(b.EmployerContactId.Value)))
                .Select(b => b.Id).ToListAsync(ct);
            var opportunities = await db.Set<JobOpportunity>().Where(o => o.CarvedForCandidateId == id).Select(o => o.Id).ToListAsync(ct);
            return new Scope(id, notes, placements, measures, periods, extensions, contacts, blocks, opportunities);
        }

        public async Task<Dictionary<string, int>> CountAsync(TrinnDbContext db, CancellationToken ct)
        {
            var id = CandidateId;
            return new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["Candidates"] = 1,
                ["Referrals"] = await db.Referrals.CountAsync(r => r.CandidateId == id && r.Reason != "", ct),
                ["CooperationAgreements"] = await db.CooperationAgreements.CountAsync(a => a.CandidateId == id && a.Agreed != "", ct),
                ["StageChanges"] = await db.StageChanges.CountAsync(s => s.CandidateId == id && s.Reason != "", ct),
                ["JournalNotes"] = await db.JournalNotes.CountAsync(n => n.CandidateId == id && (n.Text != "" || n.EnteredInErrorReason != null), ct),
                ["JournalNoteRevisions"] = await db.Set<JournalNoteRevision>().CountAsync(r => r.CandidateId == id && r.Text != "", ct),
                ["DischargeRecords"] = await db.Set<DischargeRecord>().CountAsync(d => d.CandidateId == id && (d.Note != null || d.HandoverAgreed != null || d.TakeBackReason != null), ct),
                ["ActionPlanGoals"] = await db.Set<ActionPlanGoal>().CountAsync(g => g.CandidateId == id && g.Text != "", ct),
                ["ActionPlanSteps"] = await db.Set<ActionPlanStep>().CountAsync(x => x.CandidateId == id && x.Text != "", ct),
                ["ActionPlanUpdates"] = await db.Set<ActionPlanUpdate>().CountAsync(u => u.CandidateId == id && (u.Note != null || u.OthersPresent != null), ct),
                ["CaseReviews"] = await db.Set<CaseReview>().CountAsync(r => r.CandidateId == id && r.SearchText != null, ct),
                ["ProfileVersions"] = await db.ProfileVersions.CountAsync(p => p.CandidateId == id, ct),
                ["FollowUps"] = await db.Set<FollowUp>().CountAsync(f => f.CandidateId == id && f.Note != null, ct),
                ["PeriodExtensions"] = await db.Set<PeriodExtension>().CountAsync(e => ExtensionIds.Contains(e.Id) && e.Reason != "", ct),
                ["SupportMeasures"] = await db.Set<SupportMeasure>().CountAsync(
                    m => MeasureIds.Contains(m.Id) && (m.MentorName != null || m.Text != null || m.ReviewNote != null || m.MentorMandate != null || m.MentorTraining != null), ct),
                ["EmployerContacts"] = await db.Set<EmployerContact>().CountAsync(c => ContactIds.Contains(c.Id) && c.Note != null, ct),
                ["TimeBlocks"] = await db.Set<TimeBlock>().CountAsync(b => TimeBlockIds.Contains(b.Id) && b.Note != null, ct),
                ["JobOpportunities"] = OpportunityIds.Count,
                ["AuditEntries"] = await AuditPayloads(db).CountAsync(ct),
            };
        }

        public async Task AnonymiseAsync(TrinnDbContext db, DateTime nowUtc, CancellationToken ct)
        {
            var id = CandidateId;
            // Set-based updates: the change tracker would copy every old value into the audit trail, which is the
            // very thing being removed. The run is audited explicitly instead (Retention.ApplyAsync).
            await db.Candidates.Where(c => c.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(c => c.FirstName, AnonymousFirstName)
                    .SetProperty(c => c.LastName, "")
                    .SetProperty(c => c.NationalId, "")
                    .SetProperty(c => c.NationalIdHash, "")
                    .SetProperty(c => c.Phone, (string?)null)
                    .SetProperty(c => c.Email, (string?)null)
                    .SetProperty(c => c.Address, (string?)null)
                    .SetProperty(c => c.NextAction, (string?)null)
                    .SetProperty(c => c.DischargeNote, (string?)null)
                    .SetProperty(c => c.AnonymisedAtUtc, nowUtc)
                    .SetProperty(c => c.Version, c => c.Version + 1),
                ct);
            await db.Referrals.Where(r => r.CandidateId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, ""), ct);
            await db.CooperationAgreements.Where(a => a.CandidateId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Agreed, "").SetProperty(a => a.Version, a => a.Version + 1), ct);
            await db.StageChanges.Where(x => x.CandidateId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reason, ""), ct);
            await db.JournalNotes.Where(n => n.CandidateId == id).ExecuteUpdateAsync(
                s => s.SetProperty(n => n.Text, "").SetProperty(n => n.EnteredInErrorReason, (string?)null).SetProperty(n => n.Version, n => n.Version + 1), ct);
            // A correction keeps the earlier text as history; retention removes that history too.
            await db.Set<JournalNoteRevision>().Where(r => r.CandidateId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, ""), ct);
            await db.Set<DischargeRecord>().Where(d => d.CandidateId == id).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Note, (string?)null).SetProperty(d => d.HandoverAgreed, (string?)null).SetProperty(d => d.TakeBackReason, (string?)null), ct);
            await db.Set<ActionPlanGoal>().Where(g => g.CandidateId == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Text, ""), ct);
            await db.Set<ActionPlanStep>().Where(x => x.CandidateId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Text, ""), ct);
            await db.Set<ActionPlanUpdate>().Where(u => u.CandidateId == id).ExecuteUpdateAsync(
                s => s.SetProperty(u => u.Note, (string?)null).SetProperty(u => u.OthersPresent, (string?)null), ct);
            // The review's texts describe the person; the reason, dates and lesson tags stay for the team's learning.
            await db.Set<CaseReview>().Where(r => r.CandidateId == id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.WhatHappened, (string?)null)
                    .SetProperty(r => r.WhatWorked, (string?)null)
                    .SetProperty(r => r.WhatDidNotWork, (string?)null)
                    .SetProperty(r => r.DoDifferently, (string?)null)
                    .SetProperty(r => r.SearchText, (string?)null)
                    .SetProperty(r => r.Version, r => r.Version + 1),
                ct);
            await db.ProfileVersions.Where(p => p.CandidateId == id).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.Interests, (string?)null)
                    .SetProperty(p => p.WorkExperience, (string?)null)
                    .SetProperty(p => p.Education, (string?)null)
                    .SetProperty(p => p.Strengths, (string?)null)
                    .SetProperty(p => p.Challenges, (string?)null)
                    .SetProperty(p => p.Friskfaktorer, (string?)null)
                    .SetProperty(p => p.PreferredIndustries, (string?)null)
                    .SetProperty(p => p.PreferredHours, (string?)null)
                    .SetProperty(p => p.PreferredPlaces, (string?)null)
                    .SetProperty(p => p.Adaptations, (string?)null)
                    .SetProperty(p => p.PersonalContacts, (string?)null),
                ct);
            await db.Set<FollowUp>().Where(f => f.CandidateId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Note, (string?)null), ct);
            await db.Set<PeriodExtension>().Where(e => ExtensionIds.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, ""), ct);
            await db.Set<SupportMeasure>().Where(m => MeasureIds.Contains(m.Id))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.MentorName, (string?)null)
                        .SetProperty(m => m.MentorMandate, (string?)null)
                        .SetProperty(m => m.MentorTraining, (string?)null)
                        .SetProperty(m => m.Text, (string?)null)
                        .SetProperty(m => m.ReviewNote, (string?)null)
                        .SetProperty(m => m.Version, m => m.Version + 1),
                    ct);
            // A contact note may name the candidate among others; it goes with the first of them to expire.
            await db.Set<EmployerContact>().Where(c => ContactIds.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Note, (string?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
            await db.Set<TimeBlock>().Where(b => TimeBlockIds.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Note, (string?)null).SetProperty(b => b.Version, b => b.Version + 1), ct);
            // A job carved for one person is described in terms of that person: its texts go, and so does the link.
            // Hours, place, industry, status and the employer stay, so the employer's history of jobs still adds up.
            await db.Set<JobOpportunity>().Where(o => OpportunityIds.Contains(o.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Title, AnonymousOpportunityTitle)
                    .SetProperty(o => o.Tasks, "")
                    .SetProperty(o => o.Requirements, (string?)null)
                    .SetProperty(o => o.HoursNote, (string?)null)
                    .SetProperty(o => o.CarvedForCandidateId, (int?)null)
                    .SetProperty(o => o.Version, o => o.Version + 1),
                ct);
            await AuditPayloads(db).ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, (string?)null), ct);
        }

        /// <summary>Audit entries whose old/new values describe this candidate: by candidate, or by the rows above that have no candidate column.</summary>
        private IQueryable<AuditEntry> AuditPayloads(TrinnDbContext db)
        {
            var id = CandidateId;
            var measures = Keys(MeasureIds);
            var extensions = Keys(ExtensionIds);
            var contacts = Keys(ContactIds);
            var blocks = Keys(TimeBlockIds);
            var opportunities = Keys(OpportunityIds);
            return db.Set<AuditEntry>().Where(e => e.Changes != null && e.Action != AuditAction.Anonymise && (
                e.CandidateId == id
                || (e.EntityType == nameof(SupportMeasure) && measures.Contains(e.EntityId!))
                || (e.EntityType == nameof(PeriodExtension) && extensions.Contains(e.EntityId!))
                || (e.EntityType == nameof(EmployerContact) && contacts.Contains(e.EntityId!))
                || (e.EntityType == nameof(TimeBlock) && blocks.Contains(e.EntityId!))
                || (e.EntityType == nameof(JobOpportunity) && opportunities.Contains(e.EntityId!))));
        }

        private static List<string> Keys(List<int> ids) => ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
    }
}
