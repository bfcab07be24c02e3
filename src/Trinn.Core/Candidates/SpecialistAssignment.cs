using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Identity;

namespace Trinn.Core.Candidates;

/// <summary>
/// Who may follow a candidate: the primary job specialist and the backup are job specialists of the candidate's team,
/// and not the same person. One rule for the referral (page and API) and the candidate's edit page.
/// </summary>
public static class SpecialistAssignment
{
    public const string PrimaryField = nameof(Candidate.PrimarySpecialistId);
    public const string BackupField = nameof(Candidate.BackupSpecialistId);

    /// <summary>
    /// The field errors (field name, resource key) for the chosen specialists, in the order they are found, given the ids
    /// among them that are job specialists of the team. Empty when the choice may be saved; no choice is a valid choice.
    /// </summary>
    public static IReadOnlyList<(string Field, string MessageKey)> Check(string? primaryId, string? backupId, IReadOnlyCollection<string> teamSpecialistIds)
    {
        ArgumentNullException.ThrowIfNull(teamSpecialistIds);
        var errors = new List<(string, string)>();
        foreach (var (field, id) in new[] { (PrimaryField, primaryId), (BackupField, backupId) })
        {
            if (!string.IsNullOrEmpty(id) && !teamSpecialistIds.Contains(id))
            {
                errors.Add((field, "Error_SpecialistNotInTeam"));
            }
        }

        if (SameAsPrimary(primaryId, backupId))
        {
            errors.Add((BackupField, "Error_BackupSameAsPrimary"));
        }

        return errors;
    }

    /// <summary>The backup is the primary job specialist again.</summary>
    public static bool SameAsPrimary(string? primaryId, string? backupId) =>
        !string.IsNullOrEmpty(primaryId) && string.Equals(primaryId, backupId, StringComparison.Ordinal);

    /// <summary><see cref="Check"/> against the team's job specialists as stored; with no team, no one is in it.</summary>
    public static async Task<IReadOnlyList<(string Field, string MessageKey)>> CheckAsync(
        TrinnDbContext db, int? teamId, string? primaryId, string? backupId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chosen = new[] { primaryId, backupId }.Where(id => !string.IsNullOrEmpty(id)).Cast<string>().Distinct().ToList();
        IReadOnlyCollection<string> inTeam = teamId is { } team && chosen.Count > 0
            ? await TeamSpecialistsAmongAsync(db, team, chosen, ct)
            : [];
        return Check(primaryId, backupId, inTeam);
    }

    private static async Task<List<string>> TeamSpecialistsAmongAsync(TrinnDbContext db, int teamId, List<string> userIds, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleAsync(ct);
        return await db.Users.Where(u => userIds.Contains(u.Id) && u.TeamId == teamId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.Id).ToListAsync(ct);
    }
}
