using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Trinn.Core.Demo;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Cli.Seed;

/// <summary>One area of the generated data; the seed runs them in order, each writing its own tables.</summary>
internal interface ISeedGenerator
{
    /// <summary>The tables the generator fills, so their secondary indexes can be built once after the load.</summary>
    IReadOnlyList<Type> Tables { get; }

    Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct);
}

/// <summary>
/// Regions, teams and people: job specialists with varied FTE (some moved teams), a metodeveileder per team,
/// NAV-veiledere per region who refer, leaders, researchers, an admin, and the demo users of
/// <see cref="DemoSeeder.Logins"/> with the demo password, placed in the first generated teams.
/// </summary>
internal sealed class OrganisationGenerator : ISeedGenerator
{
    public static readonly string[] RegionNames =
    [
        "Oslo", "Øst-Viken", "Vest-Viken", "Innlandet", "Vestfold og Telemark", "Agder", "Rogaland", "Vestland",
        "Møre og Romsdal", "Trøndelag", "Nordland", "Troms og Finnmark",
    ];

    private static readonly decimal[] Ftes = [1.0m, 1.0m, 1.0m, 1.0m, 1.0m, 0.8m, 0.8m, 0.6m, 0.5m];

    public IReadOnlyList<Type> Tables { get; } = [typeof(IdentityRole), typeof(Team), typeof(TrinnUser), typeof(IdentityUserRole<string>)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("organisation");
        var roleIds = Roles.All.ToDictionary(r => r, _ => SeedContext.Id(random));
        await using (var roles = writer.Table<IdentityRole>(nameof(IdentityRole.Id), nameof(IdentityRole.Name), nameof(IdentityRole.NormalizedName), nameof(IdentityRole.ConcurrencyStamp)))
        {
            foreach (var (role, id) in roleIds)
            {
                roles.Add(id, role, role.ToUpperInvariant(), SeedContext.Id(random));
            }
        }

        var teamsPerRegion = Math.Max(1, context.Scale.Teams / context.Scale.Regions);
        await using (var teams = writer.Table<Team>(nameof(Team.Id), nameof(Team.Name)))
        {
            for (var i = 0; i < context.Scale.Teams; i++)
            {
                var region = Math.Min(i / teamsPerRegion, context.Scale.Regions - 1);
                var number = i - (region * teamsPerRegion) + 1;
                var team = new SeedTeam(i, i + 1, $"{RegionNames[region]} {number.ToString(CultureInfo.InvariantCulture)}", region);
                context.Teams.Add(team);
                teams.Add(team.Id, team.Name);
            }
        }

        var names = new NameMaker(random);
        var demoTeams = DemoSeeder.Logins.Select(l => l.Team).OfType<string>().Distinct().ToList();
        foreach (var login in DemoSeeder.Logins)
        {
            var team = login.Team is null ? null : context.Teams[demoTeams.IndexOf(login.Team) % context.Teams.Count];
            var user = new SeedUser(SeedContext.Id(random), login.UserName, names.Person(), login.Role, team)
            {
                Fte = login.Role is Roles.Jobbspesialist ? 1.0m : login.Role is Roles.Metodeveileder ? 0.5m : null,
            };
            Place(context, user);
        }

        // Specialists: spread over the teams (six to twelve each), numbered js0001 …
        var demoSpecialists = context.Users.Count(u => u.Role == Roles.Jobbspesialist);
        for (var i = 0; i < context.Scale.Specialists - demoSpecialists; i++)
        {
            var team = context.Teams[(i + random.Next(3)) % context.Teams.Count];
            Place(context, new SeedUser(SeedContext.Id(random), $"js{i + 1:0000}", names.Person(), Roles.Jobbspesialist, team)
            {
                Fte = Ftes[random.Next(Ftes.Length)],
            });
        }

        foreach (var team in context.Teams.Where(t => t.Supervisor is null))
        {
            Place(context, new SeedUser(SeedContext.Id(random), $"mv{team.Id:000}", names.Person(), Roles.Metodeveileder, team) { Fte = 0.5m });
        }

        for (var region = 0; region < context.Scale.Regions; region++)
        {
            for (var k = 0; k < 10; k++)
            {
                Place(context, new SeedUser(SeedContext.Id(random), $"nav{region + 1:00}{k + 1:00}", names.Person(), Roles.NavVeileder, null), region);
            }

            Place(context, new SeedUser(SeedContext.Id(random), $"leder{region + 1:00}", names.Person(), Roles.Leder, null));
        }

        for (var k = 0; k < 3; k++)
        {
            Place(context, new SeedUser(SeedContext.Id(random), $"forsker{k + 2}", names.Person(), Roles.Forsker, null));
        }

        // About one specialist in twenty changed teams in the last years: their older work belongs to the old team.
        foreach (var team in context.Teams.Where(t => context.Teams.Count > 1))
        {
            foreach (var user in team.Specialists.Where(u => !u.UserName.StartsWith("jobbspesialist", StringComparison.Ordinal)).ToList())
            {
                if (random.Next(20) == 0)
                {
                    var from = context.Teams[(team.Index + 1 + random.Next(context.Teams.Count - 1)) % context.Teams.Count];
                    user.Moved = (from, SeedContext.Between(random, context.HistoryStart.AddYears(1), context.Today.AddMonths(-2)));
                    from.Former.Add(user);
                }
            }
        }

        var hash = new PasswordHasher<TrinnUser>().HashPassword(null!, context.Password);
        await using (var users = writer.Table<TrinnUser>(
            nameof(TrinnUser.Id), nameof(TrinnUser.DisplayName), nameof(TrinnUser.TeamId), nameof(TrinnUser.Fte), nameof(TrinnUser.UserName),
            nameof(TrinnUser.NormalizedUserName), nameof(TrinnUser.Email), nameof(TrinnUser.NormalizedEmail), nameof(TrinnUser.EmailConfirmed),
            nameof(TrinnUser.PasswordHash), nameof(TrinnUser.SecurityStamp), nameof(TrinnUser.ConcurrencyStamp), nameof(TrinnUser.PhoneNumberConfirmed),
            nameof(TrinnUser.TwoFactorEnabled), nameof(TrinnUser.LockoutEnabled), nameof(TrinnUser.AccessFailedCount)))
        await using (var userRoles = writer.Table<IdentityUserRole<string>>(nameof(IdentityUserRole<string>.UserId), nameof(IdentityUserRole<string>.RoleId)))
        {
            foreach (var u in context.Users)
            {
                var email = u.UserName + "@trinn.example";
                users.Add(u.Id, u.DisplayName, u.Team?.Id, u.Fte, u.UserName, u.UserName.ToUpperInvariant(), email, email.ToUpperInvariant(), true,
                    hash, SeedContext.Id(random).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), SeedContext.Id(random), false, false, true, 0);
                userRoles.Add(u.Id, roleIds[u.Role]);
            }
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"organisation: {context.Scale.Regions} regions, {context.Teams.Count} teams, {context.Users.Count(u => u.Role == Roles.Jobbspesialist)} job specialists ({context.Users.Count(u => u.Moved is not null)} moved teams), {context.Users.Count} users in all"));
    }

    private static void Place(SeedContext context, SeedUser user, int? region = null)
    {
        context.Users.Add(user);
        switch (user.Role)
        {
            case Roles.Jobbspesialist:
                user.Team!.Specialists.Add(user);
                break;
            case Roles.Metodeveileder:
                user.Team!.Supervisor ??= user;
                break;
            case Roles.NavVeileder:
                var key = region ?? 0;
                if (!context.Referrers.TryGetValue(key, out var list))
                {
                    context.Referrers[key] = list = [];
                }

                list.Add(user);
                break;
            case Roles.Admin:
                context.Admin = user;
                break;
            default:
                break;
        }
    }
}

/// <summary>Fictional Norwegian names from short lists.</summary>
internal sealed class NameMaker(Random random)
{
    public static readonly string[] FirstNames =
    [
        "Amir", "Anne", "Berit", "Bjørn", "Camilla", "Cecilie", "Dag", "David", "Eirik", "Elin", "Emma", "Fatima", "Frode", "Geir",
        "Guro", "Hanne", "Hilde", "Ida", "Ingrid", "Jon", "Jonas", "Kari", "Kristin", "Lars", "Leif", "Liv", "Marte", "Mona", "Nils",
        "Nora", "Oda", "Ola", "Per", "Petter", "Rania", "Silje", "Sofie", "Tor", "Trine", "Une", "Vegard", "Wenche", "Yusuf", "Åse",
        "Øystein", "Mohammed", "Agnieszka", "Tomas", "Sara", "Henrik",
    ];

    public static readonly string[] LastNames =
    [
        "Aas", "Bakke", "Berg", "Brekke", "Dahl", "Dale", "Eide", "Fjell", "Foss", "Hagen", "Haug", "Holm", "Jensen", "Johansen",
        "Karlsen", "Kvam", "Larsen", "Lie", "Lund", "Moe", "Nilsen", "Olsen", "Pedersen", "Ruud", "Solberg", "Strand", "Sæther",
        "Tangen", "Vik", "Vold", "Øien", "Ali", "Nowak", "Hansen", "Andersen",
    ];

    public string First() => FirstNames[random.Next(FirstNames.Length)];

    public string Last() => LastNames[random.Next(LastNames.Length)];

    public string Person() => First() + " " + Last();
}
