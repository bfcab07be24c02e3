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
}
