using System.Globalization;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Cli.Seed;

/// <summary>
/// Work for candidates: a placement each time a candidate reached stage 4 (paid work or work training) and short
/// jobbsmak trials in stage 3; support measures on paid jobs (wage subsidy with reviews, mentor, inclusion grant,
/// adaptation plan); and the fidelity-17 follow-up plan after each paid start, done or still open.
/// </summary>
internal sealed class PlacementGenerator : ISeedGenerator
{
    public IReadOnlyList<Type> Tables { get; } = [typeof(Placement), typeof(SupportMeasure), typeof(FollowUp)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("placements");
        var target = context.Scale.Placements;
        await using var placements = writer.Table<Placement>(
            nameof(Placement.Id), nameof(Placement.CandidateId), nameof(Placement.EmployerId), nameof(Placement.Kind), nameof(Placement.Market),
            nameof(Placement.PositionPercent), nameof(Placement.StartDate), nameof(Placement.EndDate), nameof(Placement.Ending),
            nameof(Placement.RegisteredById), nameof(Placement.CreatedAtUtc), nameof(Placement.Version));
        await using var measures = writer.Table<SupportMeasure>(
            nameof(SupportMeasure.Id), nameof(SupportMeasure.PlacementId), nameof(SupportMeasure.Kind), nameof(SupportMeasure.FromDate),
            nameof(SupportMeasure.ToDate), nameof(SupportMeasure.Percent), nameof(SupportMeasure.NextReviewDate), nameof(SupportMeasure.LastReviewedOn),
            nameof(SupportMeasure.MentorName), nameof(SupportMeasure.HoursPerMonth), nameof(SupportMeasure.Amount), nameof(SupportMeasure.Text),
            nameof(SupportMeasure.CreatedAtUtc), nameof(SupportMeasure.Version));
        await using var followUps = writer.Table<FollowUp>(
            nameof(FollowUp.Id), nameof(FollowUp.CandidateId), nameof(FollowUp.PlacementId), nameof(FollowUp.Kind), nameof(FollowUp.PlannedDate),
            nameof(FollowUp.DoneOn), nameof(FollowUp.DoneBy), nameof(FollowUp.Version));
        var names = new NameMaker(random);

        // Jobs first (every stage-4 start), then jobbsmak trials in stage 3 until the target is reached.
        foreach (var pass in new[] { 4, 3 })
        {
            foreach (var c in context.Candidates)
            {
                if (placements.Count >= target)
                {
                    break;
                }

                for (var i = 0; i < c.Path.Count; i++)
                {
                    var (stage, start) = c.Path[i];
                    if (stage != pass || c.Primary is null || (pass == 3 && random.Next(3) != 0))
                    {
                        continue;
                    }

                    var employers = context.EmployersByTeam[c.Team.Index];
                    var id = (int)placements.Count + 1;
                    var by = c.Primary;
                    if (pass == 3)
                    {
                        var trial = start.AddDays(random.Next(7, 40));
                        if (trial >= c.End)
                        {
                            continue;
                        }

                        placements.Add(id, c.Id, employers[random.Next(employers.Count)], PlacementKind.Jobbsmak, LabourMarket.Regular, null, trial,
                            trial.AddDays(random.Next(0, 3)), PlacementEnding.ContractEnded, by.Id, SeedContext.At(trial, random), 1L);
                        continue;
                    }

                    var kind = random.Next(100) switch
                    {
                        < 40 => PlacementKind.Permanent,
                        < 62 => PlacementKind.Temporary,
                        < 80 => PlacementKind.Arbeidstrening,
                        < 88 => PlacementKind.Substitute,
                        _ => PlacementKind.OnCall,
                    };
                    var paid = Placement.IsPaidKind(kind);

                    // The job ends when the candidate goes back to stage 3, or at a discharge that was not to work.
                    DateOnly? end = null;
                    PlacementEnding? ending = null;
                    var lost = c.Path.Skip(i + 1).TakeWhile(p => p.Stage >= 3).FirstOrDefault(p => p.Stage == 3);
                    if (lost.Stage == 3)
                    {
                        end = lost.Date;
                        ending = (PlacementEnding)random.Next(1, 5);
                    }
                    else if (c.DischargedOn is { } discharged && random.Next(3) == 0)
                    {
                        end = discharged;
                        ending = random.Next(2) == 0 ? PlacementEnding.ContractEnded : PlacementEnding.BetterJob;
                    }

                    placements.Add(id, c.Id, employers[random.Next(employers.Count)], kind, random.Next(20) == 0 ? LabourMarket.Sheltered : LabourMarket.Regular,
                        paid ? 20 + (10 * random.Next(0, 9)) : null, start, end, ending, by.Id, SeedContext.At(start, random), 1L);
                    if (!paid)
                    {
                        continue;
                    }

                    // Measures start with the job (Placement.AddMeasure) and, on a job that ended, end with it (Placement.End).
                    DateOnly? WithJob(DateOnly? to) => end is { } last && (to is null || to > last) ? last : to;
                    var roll = random.Next(100);
                    var created = SeedContext.At(start, random);
                    if (roll < 35)
                    {
                        var review = start.AddMonths(6);
                        measures.Add(measures.Count + 1, id, SupportMeasureKind.Lonnstilskudd, start, WithJob(start.AddMonths(random.Next(6, 13))), 30 + (5 * random.Next(0, 10)),
                            review, review < context.Today && random.Next(2) == 0 ? review : null, null, null, null, null, created, 1L);
                    }
                    else if (roll < 43)
                    {
                        measures.Add(measures.Count + 1, id, SupportMeasureKind.Mentortilskudd, start, WithJob(start.AddMonths(6)), null, null, null,
                            names.Person(), 8m + random.Next(0, 12), null, null, created, 1L);
                    }
                    else if (roll < 48)
                    {
                        measures.Add(measures.Count + 1, id, SupportMeasureKind.Inkluderingstilskudd, null, null, null, null, null, null, null,
                            1000m * random.Next(5, 40), "Hev-/senkbart skrivebord", created, 1L);
                    }
                    else if (roll < 63)
                    {
                        measures.Add(measures.Count + 1, id, SupportMeasureKind.Tilretteleggingsplan, start, WithJob(null), null, null, null, null, null, null,
                            "Fast arbeidsoppgave om morgenen, pause hver annen time, fast kontaktperson.", created, 1L);
                    }

                    // Fidelity item 17: meet before the start, just after it, weekly for a month, monthly for a year.
                    var stop = end ?? c.DischargedOn ?? context.Today.AddMonths(2);
                    foreach (var (date, followUpKind) in FollowUpPlanner.Plan(start))
                    {
                        if (date > stop)
                        {
                            break;
                        }

                        var done = date <= context.Today && random.Next(100) < 80;
                        followUps.Add(followUps.Count + 1, c.Id, id, followUpKind, date,
                            done ? date.AddDays(random.Next(0, 3)) is var d && d <= context.Today ? d : date : null,
                            done ? FollowUpDoneBy.JournalNote : null, 1L);
                    }
                }
            }
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"placements: {placements.Count:N0} placements, {measures.Count:N0} support measures, {followUps.Count:N0} planned follow-ups"));
    }
}
