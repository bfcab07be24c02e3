using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Instruments;
using Trinn.Core.Instruments.Fidelity;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Teams;

namespace Trinn.Core.Demo;

/// <summary>
/// Two closed fidelity rounds per team with every member's answers, so the results, the Table 1 view and its
/// "Fra registrerte data" column show real figures. Team 1 reports itself more generously than its records show on
/// employer meetings and time at employers, as the report's authors suspected self-report might.
/// </summary>
internal static class DemoFidelitySeeder
{
    public static async Task SeedAsync(TrinnDbContext db, Dictionary<string, TrinnUser> users, IReadOnlyList<Team> teams, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        await InstrumentStore.EnsureShippedAsync(db, nowUtc, ct);
        var version = await InstrumentStore.LatestAsync(db, ShippedInstruments.Fidelity.Key, ct)
            ?? throw new InvalidOperationException("The fidelity instrument is not stored.");
        var definition = ShippedInstruments.Fidelity;
        var random = new Random(2019);
        var creator = new Dictionary<int, string>
        {
            [teams[0].Id] = users["metodeveileder1"].Id,
            [teams[1].Id] = users["metodeveileder2"].Id,
            [teams[2].Id] = users["metodeveileder3"].Id,
        };
        var rounds = new List<(Team Team, string Label, DateOnly Opens, int Generosity)>
        {
            (teams[0], "Inklusjon", today.AddMonths(-19), 1),
            (teams[0], "12 mnd", today.AddMonths(-7), 1),
            (teams[1], "Inklusjon", today.AddMonths(-19), 0),
            (teams[1], "12 mnd", today.AddMonths(-7), 0),
            (teams[2], "Inklusjon", today.AddMonths(-6), 0),
            (teams[2], "3 mnd", today.AddMonths(-3), 0),
        };
        foreach (var (team, label, opens, generosity) in rounds)
        {
            var round = new FidelityRound
            {
                TeamId = team.Id,
                Label = label,
                OpensOn = opens,
                ClosesOn = opens.AddDays(14),
                InstrumentKey = version.Key,
                InstrumentVersion = version.Version,
                CreatedById = creator[team.Id],
                CreatedAtUtc = opens.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            };
            db.Add(round);
            foreach (var member in users.Values.Where(u => u.TeamId == team.Id).OrderBy(u => u.UserName, StringComparer.Ordinal))
            {
                var raw = new Dictionary<string, IReadOnlyList<string>>();
                for (var item = 1; item <= FidelityScale.ItemCount; item++)
                {
                    var itemDefinition = definition.GetItem(FidelityScale.ItemId(item));
                    var positions = FidelityScale.IsMultiSelect(item)
                        ? Enumerable.Range(1, FidelityScale.OptionCount(item)).Where(_ => random.NextDouble() < 0.7).ToArray()
                        : [Choice(item, generosity, random)];
                    raw[itemDefinition.Id] = positions.Select(p => itemDefinition.Options[p - 1].Code).ToArray();
                }

                var validated = AnswerValidator.Validate(definition, raw);
                if (!validated.IsValid)
                {
                    throw new InvalidOperationException("Demo fidelity answers are not valid: " + string.Join("; ", validated.Errors.Select(e => e.ItemId)));
                }

                var submitted = opens.AddDays(random.Next(1, 12)).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                var response = new Fidelity.FidelityResponse
                {
                    Round = round,
                    RespondentId = member.Id,
                    InstrumentKey = version.Key,
                    InstrumentVersion = version.Version,
                    AnswersJson = "{}",
                    SubmittedAtUtc = submitted,
                };
                response.Record(validated.Answers, shared: random.NextDouble() < 0.5, submitted);
                db.Add(response);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A single-choice answer around 3–4; a generous team answers 5 on employer meetings (11) and time at employers (18).</summary>
    private static int Choice(int item, int generosity, Random random)
    {
        if (generosity > 0 && item is 11 or 18)
        {
            return 5;
        }

        return Math.Clamp(3 + random.Next(0, 3) - (item is 13 or 14 ? 1 : 0), 1, 5);
    }
}
