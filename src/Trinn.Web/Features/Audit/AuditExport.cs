using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Audit;
using Trinn.Core.Data;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.Audit;

/// <summary>Everything Trinn holds about one candidate as one JSON document (GDPR art. 15), itself audited.</summary>
internal static class AuditExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapAuditExport(this WebApplication app) =>
        app.MapGet("/Audit/Candidate/{id:int}/Export", ExportAsync)
            .RequireAuthorization(Policies.AuditReader)
            .ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(int id, TrinnDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await AuditAccess.MaySeeAsync(db, user, id))
        {
            return Results.NotFound();
        }

        var candidate = await db.Candidates.AsNoTracking()
            .Include(c => c.Referral).Include(c => c.Agreement)
            .Include(c => c.StageChanges).Include(c => c.JournalNotes).Include(c => c.ProfileVersions)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == id, ct);
        var accesses = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.CandidateId == id).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.AtUtc, e.UserId, e.Role, Action = e.Action.ToString(), e.EntityType, e.EntityId, e.Changes })
            .ToListAsync(ct);
        var document = new
        {
            exportedAtUtc = DateTime.UtcNow,
            candidate = new
            {
                candidate.Id,
                candidate.FirstName,
                candidate.LastName,
                candidate.NationalId,
                candidate.Phone,
                candidate.Email,
                candidate.Address,
                candidate.TeamId,
                candidate.PrimarySpecialistId,
                candidate.BackupSpecialistId,
                candidate.Stage,
                candidate.StageSince,
                candidate.NextAction,
                candidate.NextActionDate,
                candidate.DischargedOn,
                DischargeOutcome = candidate.DischargeOutcome?.ToString(),
                candidate.DischargeNote,
                candidate.CreatedAtUtc,
            },
            referral = candidate.Referral is { } r ? new { r.ReferredById, r.ReferredOn, Innsatsgruppe = r.Innsatsgruppe.ToString(), r.Reason, r.RegisteredById, r.RegisteredAtUtc } : null,
            agreement = candidate.Agreement is { } a ? new { a.SignedOn, a.Agreed, a.ConsentEmployerContact, a.ConsentNavVeileder, a.ConsentHealthAndNetwork, a.ConsentResearch } : null,
            stageChanges = candidate.StageChanges.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new { s.FromStage, s.ToStage, s.Date, s.Reason, s.ByUserId, s.RecordedAtUtc }),
            journalNotes = candidate.JournalNotes.OrderBy(n => n.Date).ThenBy(n => n.Id).Select(n => new { n.Date, Kind = n.Kind.ToString(), Place = n.Place.ToString(), n.DurationMinutes, n.Text, n.AuthorId, n.CreatedAtUtc }),
            profileVersions = candidate.ProfileVersions.OrderBy(p => p.VersionNumber),
            accessLog = accesses,
        };
        await db.AuditAsync([new AuditEvent(AuditAction.Export, "CandidateExport", id.ToString(CultureInfo.InvariantCulture), id, null)], ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        return Results.File(bytes, "application/json", $"trinn-kandidat-{id}.json");
    }
}
