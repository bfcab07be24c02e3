using System.Globalization;
using Trinn.Core.Candidates;
using Trinn.Core.Duration;
using Trinn.Core.NationalIds;

namespace Trinn.Cli.Seed;

/// <summary>
/// Candidates over five years with their course: referral, cooperation agreement, stage moves forward and back
/// ("to skritt frem og ett tilbake"), vocational profile versions, the follow-up period with extensions, and for
/// the discharged the date and outcome. Active candidates were referred within the last two years, most recently.
/// </summary>
internal sealed class CandidateGenerator : ISeedGenerator
{
    private static readonly string[] Reasons =
    [
        "Ønsker hjelp til å komme i ordinært arbeid.", "Har vært ute av arbeidslivet i flere år og vil prøve igjen.",
        "Ønsker deltidsjobb ved siden av behandling.", "Vil jobbe med mennesker, trenger støtte i oppstarten.",
        "Ung bruker uten fullført videregående, motivert for arbeid.", "Har hatt flere korte arbeidsforhold, trenger oppfølging over tid.",
    ];

    private static readonly string[] Interests = ["Butikk og salg", "Lager og logistikk", "Barnehage", "Kjøkken og kantine", "Bilverksted", "Renhold", "Helse og omsorg", "IT-støtte", "Gartneri", "Kontor"];

    public IReadOnlyList<Type> Tables { get; } =
        [typeof(Candidate), typeof(Referral), typeof(CooperationAgreement), typeof(StageChange), typeof(VocationalProfileVersion), typeof(FollowUpPeriod), typeof(PeriodExtension)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("candidates");
        Plan(context, random);

        var names = new NameMaker(random);
        var protector = NationalIdProtector.Current;
        var stageChanges = 0;
        await using (var candidates = writer.Table<Candidate>(
            nameof(Candidate.Id), nameof(Candidate.TeamId), nameof(Candidate.FirstName), nameof(Candidate.LastName), nameof(Candidate.NationalId),
            nameof(Candidate.NationalIdHash), nameof(Candidate.Phone), nameof(Candidate.Email), nameof(Candidate.Address),
            nameof(Candidate.PrimarySpecialistId), nameof(Candidate.BackupSpecialistId), nameof(Candidate.Stage), nameof(Candidate.StageSince),
            nameof(Candidate.NextAction), nameof(Candidate.NextActionDate), nameof(Candidate.DischargedOn), nameof(Candidate.DischargeOutcome),
            nameof(Candidate.DischargeNote), nameof(Candidate.CreatedAtUtc), nameof(Candidate.Version)))
        await using (var referrals = writer.Table<Referral>(
            nameof(Referral.Id), nameof(Referral.CandidateId), nameof(Referral.ReferredById), nameof(Referral.ReferredOn), nameof(Referral.Innsatsgruppe),
            nameof(Referral.Reason), nameof(Referral.RegisteredById), nameof(Referral.RegisteredAtUtc)))
        await using (var agreements = writer.Table<CooperationAgreement>(
            nameof(CooperationAgreement.Id), nameof(CooperationAgreement.CandidateId), nameof(CooperationAgreement.SignedOn), nameof(CooperationAgreement.Agreed),
            nameof(CooperationAgreement.ConsentEmployerContact), nameof(CooperationAgreement.ConsentNavVeileder), nameof(CooperationAgreement.ConsentHealthAndNetwork),
            nameof(CooperationAgreement.ConsentResearch), nameof(CooperationAgreement.Version)))
        await using (var changes = writer.Table<StageChange>(
            nameof(StageChange.Id), nameof(StageChange.CandidateId), nameof(StageChange.FromStage), nameof(StageChange.ToStage), nameof(StageChange.Date),
            nameof(StageChange.Reason), nameof(StageChange.ByUserId), nameof(StageChange.RecordedAtUtc)))
        await using (var profiles = writer.Table<VocationalProfileVersion>(
            nameof(VocationalProfileVersion.Id), nameof(VocationalProfileVersion.CandidateId), nameof(VocationalProfileVersion.VersionNumber),
            nameof(VocationalProfileVersion.SavedAtUtc), nameof(VocationalProfileVersion.SavedById), nameof(VocationalProfileVersion.Interests),
            nameof(VocationalProfileVersion.WorkExperience), nameof(VocationalProfileVersion.Strengths), nameof(VocationalProfileVersion.PreferredIndustries),
            nameof(VocationalProfileVersion.PreferredHoursMin), nameof(VocationalProfileVersion.PreferredHoursMax), nameof(VocationalProfileVersion.PreferredPlaces)))
        await using (var periods = writer.Table<FollowUpPeriod>(
            nameof(FollowUpPeriod.Id), nameof(FollowUpPeriod.CandidateId), nameof(FollowUpPeriod.StartDate), nameof(FollowUpPeriod.EndDate),
            nameof(FollowUpPeriod.ReducedWorkCapacity), nameof(FollowUpPeriod.Version)))
        await using (var extensions = writer.Table<PeriodExtension>(
            nameof(PeriodExtension.Id), nameof(PeriodExtension.FollowUpPeriodId), nameof(PeriodExtension.Date), nameof(PeriodExtension.FromEnd),
            nameof(PeriodExtension.ToEnd), nameof(PeriodExtension.Reason), nameof(PeriodExtension.ByUserId)))
        {
            foreach (var c in context.Candidates)
            {
                var first = names.First();
                var last = names.Last();
                c.BirthDate = new DateOnly(random.Next(1962, 2005), random.Next(1, 13), random.Next(1, 29));
                var nationalId = NationalIdNumber.CreateSynthetic(c.BirthDate, random);
                var createdAt = SeedContext.At(c.ReferredOn, random);
                var actor = c.Primary ?? c.Team.PickSpecialist(random, c.ReferredOn);
                var active = c.DischargedOn is null;
                var hasNextAction = active && random.Next(10) < 7;
                var outcome = c.DischargedOn is null ? (DischargeOutcome?)null : Outcome(random, c.Stage);
                candidates.Add(
                    c.Id, c.Team.Id, first, last, nationalId, protector.LookupHash(nationalId),
                    "4" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
                    $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{c.Id}@eksempel.no",
                    $"Eksempelveien {random.Next(1, 200)}, {random.Next(1000, 9999)}",
                    c.Primary?.Id, c.Backup?.Id, c.Stage, c.Path[^1].Date,
                    hasNextAction ? NextActions[random.Next(NextActions.Length)] : null,
                    hasNextAction ? context.Today.AddDays(random.Next(-5, 21)) : null,
                    c.DischargedOn, outcome, outcome is null ? null : "Avsluttet etter avtale med kandidaten.", createdAt, 1L + c.Path.Count);

                var referrers = context.Referrers[c.Team.Region];
                var referrer = referrers[random.Next(referrers.Count)];
                referrals.Add(c.Id, c.Id, referrer.Id, c.ReferredOn, random.Next(3) == 0 ? Innsatsgruppe.SpesieltTilpasset : Innsatsgruppe.Situasjonsbestemt,
                    Reasons[random.Next(Reasons.Length)], referrer.Id, createdAt);

                if (c.AgreementOn is { } signed)
                {
                    agreements.Add(agreements.Count + 1, c.Id, signed, "Samarbeid om å finne og beholde en jobb ut fra kandidatens ønsker.",
                        true, random.Next(10) < 9, random.Next(10) < 4, c.ConsentResearch, 1L);
                    var reduced = random.Next(10) < 4;
                    var baseEnd = signed.AddMonths(FollowUpPeriod.BaseMonths).AddDays(-1);
                    periods.Add(periods.Count + 1, c.Id, signed, baseEnd, reduced, 1L);
                    if (c.End > baseEnd.AddDays(-FollowUpPeriod.WarningDays))
                    {
                        var newEnd = FollowUpPeriod.LimitFor(signed, reduced);
                        newEnd = reduced && newEnd > baseEnd.AddMonths(12) ? baseEnd.AddMonths(12) : newEnd;
                        extensions.Add(extensions.Count + 1, periods.Count, baseEnd.AddDays(-random.Next(1, 20)), baseEnd, newEnd,
                            "Kandidaten er i gang med arbeidstrening og trenger mer tid.", actor.Id);
                    }
                }

                var previous = (int?)null;
                foreach (var (stage, date) in c.Path)
                {
                    changes.Add(++stageChanges, c.Id, previous, stage, date, StageReason(previous, stage), previous is null ? referrer.Id : actor.Id,
                        SeedContext.At(date, random));
                    previous = stage;
                }

                // Profile written in stage 2, updated after the first job experience (fidelity item 9).
                var profileDates = c.Path.Where(p => p.Stage == 2).Take(1).Select(p => p.Date).ToList();
                if (profileDates.Count > 0 && c.FirstJob is { } job && job.AddDays(30) <= c.End)
                {
                    profileDates.Add(job.AddDays(30));
                }

                var profileVersion = 0;
                foreach (var date in profileDates)
                {
                    var min = 20 + (random.Next(4) * 10);
                    profiles.Add(profiles.Count + 1, c.Id, ++profileVersion, SeedContext.At(date, random), actor.Id, Interests[random.Next(Interests.Length)],
                        "Har jobbet noen år i butikk og på lager.", "Punktlig, god med kunder.", Interests[random.Next(Interests.Length)],
                        min, min + 10, c.Team.Name.Split(' ')[0]);
                }
            }

            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"candidates: {candidates.Count:N0} ({context.Candidates.Count(c => c.DischargedOn is null):N0} active), {stageChanges:N0} stage changes, {profiles.Count:N0} profile versions, {periods.Count:N0} follow-up periods"));
        }
    }

    private static readonly string[] NextActions =
        ["Ringe arbeidsgiver om hospitering", "Møte på arbeidsplassen", "Oppdatere yrkesprofil", "Følge opp søknad", "Samtale om tilrettelegging"];

    /// <summary>Decides every candidate's course, then numbers them in referral order so ids grow with time.</summary>
    private static void Plan(SeedContext context, Random random)
    {
        var scale = context.Scale;
        var plans = new List<SeedCandidate>(scale.ActiveCandidates + scale.DischargedCandidates);
        for (var k = 0; k < scale.ActiveCandidates + scale.DischargedCandidates; k++)
        {
            var team = context.Teams[random.Next(context.Teams.Count)];
            SeedCandidate c;
            if (k < scale.ActiveCandidates)
            {
                // Most active candidates came in recently; a few have been followed for up to two years.
                var back = 1 + (int)(730 * Math.Pow(random.NextDouble(), 1.6));
                var referred = context.Today.AddDays(-back);
                c = new SeedCandidate { Team = team, ReferredOn = referred, End = context.Today };
            }
            else
            {
                var referred = SeedContext.Between(random, context.HistoryStart, context.Today.AddDays(-60));
                var discharged = referred.AddDays(30 + (int)(640 * Math.Pow(random.NextDouble(), 1.2)));
                if (discharged >= context.Today)
                {
                    discharged = context.Today.AddDays(-1 - random.Next(10));
                }

                c = new SeedCandidate { Team = team, ReferredOn = referred, DischargedOn = discharged, End = discharged };
            }

            Walk(c, random);
            var awaiting = c.DischargedOn is null && c.Stage == 1 && random.Next(10) == 0;
            if (!awaiting)
            {
                c.Primary = team.PickSpecialist(random, c.ReferredOn);
                if (team.Specialists.Count > 1)
                {
                    do
                    {
                        c.Backup = team.Specialists[random.Next(team.Specialists.Count)];
                    }
                    while (c.Backup == c.Primary);
                }

                var signed = c.ReferredOn.AddDays(random.Next(0, 15));
                c.AgreementOn = signed <= c.Path.Skip(1).Select(p => p.Date).DefaultIfEmpty(c.End).First() ? signed : c.ReferredOn;
                c.ConsentResearch = random.Next(2) == 0;
            }
            else
            {
                c.Path.RemoveRange(1, c.Path.Count - 1);
            }

            plans.Add(c);
        }

        var ordered = plans.Select((c, i) => (c, i)).OrderBy(p => p.c.ReferredOn).ThenBy(p => p.i).Select(p => p.c);
        foreach (var c in ordered)
        {
            context.Candidates.Add(c);
            c.Id = context.Candidates.Count;
            c.Team.Candidates.Add(c.Id - 1);
        }
    }

    /// <summary>Stage moves from the referral to the end of follow-up; a lost job sends the candidate back to stage 3.</summary>
    private static void Walk(SeedCandidate c, Random random)
    {
        c.Path.Add((1, c.ReferredOn));
        var date = c.ReferredOn;
        var stage = 1;
        while (true)
        {
            int next;
            int days;
            switch (stage)
            {
                case 1:
                    (next, days) = (2, random.Next(7, 45));
                    break;
                case 2:
                    (next, days) = (3, random.Next(14, 90));
                    break;
                case 3:
                    (next, days) = random.Next(20) == 0 ? (2, random.Next(20, 120)) : (4, random.Next(30, 240));
                    break;
                case 4:
                    (next, days) = random.Next(4) == 0 ? (3, random.Next(20, 200)) : (5, random.Next(7, 60));
                    break;
                default:
                    (next, days) = (3, random.Next(60, 400));
                    if (random.Next(3) != 0)
                    {
                        return;
                    }

                    break;
            }

            date = date.AddDays(days);
            if (date > c.End)
            {
                return;
            }

            c.Path.Add((next, date));
            stage = next;
        }
    }

    private static DischargeOutcome Outcome(Random random, int stage)
    {
        var roll = random.Next(100);
        return stage >= 4
            ? roll < 60 ? DischargeOutcome.OrdinaryWork : roll < 88 ? DischargeOutcome.WorkWithWageSubsidy : DischargeOutcome.Education
            : roll < 15 ? DischargeOutcome.Education
            : roll < 35 ? DischargeOutcome.HealthTreatment
            : roll < 45 ? DischargeOutcome.DisabilityBenefit
            : roll < 60 ? DischargeOutcome.OtherProgramme
            : roll < 85 ? DischargeOutcome.NoContact
            : roll < 92 ? DischargeOutcome.Moved
            : DischargeOutcome.Other;
    }

    private static string StageReason(int? from, int to) => (from, to) switch
    {
        (null, _) => "Innsøkt",
        (_, 2) when from > 2 => "Ny helseopplysning, kartlegger på nytt",
        (_, 2) => "Samarbeidsavtale signert",
        (_, 3) when from > 3 => "Mistet jobben, søker videre",
        (_, 3) => "Yrkesprofil ferdig, starter jobbsøk",
        (_, 4) => "Startet i jobb",
        _ => "Opplæring og støtte på arbeidsplassen",
    };
}
