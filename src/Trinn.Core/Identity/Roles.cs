using Trinn.Core.Common;

namespace Trinn.Core.Identity;

/// <summary>The roles of DOMAIN.md. The candidate (kandidat) has no account.</summary>
public static class Roles
{
    public const string Jobbspesialist = "Jobbspesialist";
    public const string Metodeveileder = "Metodeveileder";
    public const string NavVeileder = "NavVeileder";
    public const string Leder = "Leder";
    public const string Forsker = "Forsker";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Jobbspesialist, Metodeveileder, NavVeileder, Leder, Forsker, Admin];

    /// <summary>Roles that work with the team's candidates and may see their personal data.</summary>
    public const string TeamMembers = Jobbspesialist + "," + Metodeveileder;

    /// <summary>Jobbspesialist and metodeveileder belong to a team; the other roles to none.</summary>
    public static bool NeedsTeam(string? role) => role is Jobbspesialist or Metodeveileder;

    /// <summary>
    /// Refuses a role Trinn does not know (field <c>Role</c>), a team role without a team and another role with one
    /// (field <c>TeamId</c>), each as a <see cref="DomainException"/>.
    /// </summary>
    public static void CheckAssignment(string? role, int? teamId)
    {
        if (role is null || !All.Contains(role))
        {
            throw new DomainException("Role", "Error_RoleUnknown");
        }

        if (NeedsTeam(role) && teamId is null)
        {
            throw new DomainException("TeamId", "Error_TeamRequired");
        }

        if (!NeedsTeam(role) && teamId is not null)
        {
            throw new DomainException("TeamId", "Error_TeamNotForRole");
        }
    }
}
