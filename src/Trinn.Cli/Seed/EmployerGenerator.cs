using System.Globalization;
using Trinn.Core.Employers;

namespace Trinn.Cli.Seed;

/// <summary>
/// Each team's employer register (valid organisation numbers, contact persons) and five years of employer contacts
/// by the team's specialists, many of them about a named candidate who was in follow-up on that day.
/// </summary>
internal sealed class EmployerGenerator : ISeedGenerator
{
    private static readonly string[] Industries = ["Varehandel", "Lager og logistikk", "Helse og omsorg", "Overnatting og servering", "Bygg og anlegg", "Renhold", "Industri", "Offentlig forvaltning", "Barnehage og skole", "Bilverksted"];

    private static readonly string[] Suffixes = ["AS", "Bygg AS", "Handel AS", "Kafé", "Kommune", "Logistikk AS", "Omsorg", "Mat AS", "Service AS", "Bil AS"];

    private static readonly string[] Notes = ["Positiv til å ta imot kandidat på hospitering.", "Har behov for folk i sommer.", "Avtalt nytt møte om tilrettelegging.", "Ønsker å høre mer om lønnstilskudd."];

    public IReadOnlyList<Type> Tables { get; } = [typeof(Employer), typeof(EmployerContactPerson), typeof(EmployerContact), typeof(EmployerContactCandidate)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("employers");
        var names = new NameMaker(random);
        await using (var employers = writer.Table<Employer>(
            nameof(Employer.Id), nameof(Employer.TeamId), nameof(Employer.Name), nameof(Employer.OrganizationNumber), nameof(Employer.Sector),
            nameof(Employer.Industry), nameof(Employer.Size), nameof(Employer.IaAgreement), nameof(Employer.Address), nameof(Employer.CreatedAtUtc), nameof(Employer.Version)))
        await using (var people = writer.Table<EmployerContactPerson>(
            nameof(EmployerContactPerson.Id), nameof(EmployerContactPerson.EmployerId), nameof(EmployerContactPerson.Name), nameof(EmployerContactPerson.Role),
            nameof(EmployerContactPerson.Phone), nameof(EmployerContactPerson.Email)))
        {
            var number = 910_000_000 / 10;
            foreach (var team in context.Teams)
            {
                var ids = new List<int>();
                context.EmployersByTeam.Add(ids);
                var perTeam = context.Scale.Employers / context.Teams.Count + (team.Index < context.Scale.Employers % context.Teams.Count ? 1 : 0);
                for (var i = 0; i < perTeam; i++)
                {
                    var id = (int)employers.Count + 1;
                    ids.Add(id);
                    var sector = random.Next(5) == 0 ? EmployerSector.Public : EmployerSector.Private;
                    employers.Add(id, team.Id, $"{names.Last()} {Suffixes[random.Next(Suffixes.Length)]}", NextOrganizationNumber(ref number), sector,
                        Industries[random.Next(Industries.Length)], (EmployerSize)random.Next(1, 4), random.Next(10) < 4,
                        $"Næringsveien {random.Next(1, 120)}", SeedContext.At(SeedContext.Between(random, context.HistoryStart, context.Today), random), 1L);
                    for (var p = random.Next(1, 3); p > 0; p--)
                    {
                        var person = names.Person();
                        people.Add(people.Count + 1, id, person, p == 1 ? "Daglig leder" : "Personalansvarlig",
                            "9" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture), null);
                    }
                }
            }
        }

        await using (var contacts = writer.Table<EmployerContact>(
            nameof(EmployerContact.Id), nameof(EmployerContact.EmployerId), nameof(EmployerContact.SpecialistId), nameof(EmployerContact.Date),
            nameof(EmployerContact.Kind), nameof(EmployerContact.Purpose), nameof(EmployerContact.FirstContact), nameof(EmployerContact.DurationMinutes),
            nameof(EmployerContact.Note), nameof(EmployerContact.CreatedAtUtc), nameof(EmployerContact.Version)))
        await using (var links = writer.Table<EmployerContactCandidate>(nameof(EmployerContactCandidate.EmployerContactId), nameof(EmployerContactCandidate.CandidateId)))
        {
            for (var i = 0; i < context.Scale.EmployerContacts; i++)
            {
                var team = context.Teams[random.Next(context.Teams.Count)];
                var employerIds = context.EmployersByTeam[team.Index];
                var date = SeedContext.Weekday(SeedContext.Between(random, context.HistoryStart, context.Today));
                var specialist = team.PickSpecialist(random, date);
                var kind = random.Next(100) switch
                {
                    < 45 => EmployerContactKind.Visit,
                    < 70 => EmployerContactKind.Phone,
                    < 85 => EmployerContactKind.MeetingWithCandidate,
                    < 95 => EmployerContactKind.WorkplaceFollowUp,
                    _ => EmployerContactKind.Negotiation,
                };
                var purpose = (EmployerContactPurpose)random.Next(1, 7);
                var minutes = kind == EmployerContactKind.Phone ? 15 : 30 * random.Next(1, 4);
                var id = i + 1;
                var employerId = employerIds[random.Next(employerIds.Count)];
                contacts.Add(id, employerId, specialist.Id, date, kind, purpose, random.Next(7) == 0, minutes,
                    random.Next(3) == 0 ? Notes[random.Next(Notes.Length)] : null, SeedContext.At(date, random), 1L);
                context.Contacts.Add(new SeedContact(id, employerId, specialist, date, minutes, kind != EmployerContactKind.Phone));
                if (purpose is not EmployerContactPurpose.BuildNetwork and not EmployerContactPurpose.JobDevelopment
                    && PickCandidate(team, context, random, date) is { } candidate)
                {
                    links.Add(id, candidate.Id);
                }
            }

            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"employers: {context.EmployersByTeam.Sum(e => e.Count):N0} employers, {contacts.Count:N0} contacts ({links.Count:N0} about a candidate)"));
        }
    }

    /// <summary>A candidate of the team in follow-up on the day, or null when a few tries find none.</summary>
    public static SeedCandidate? PickCandidate(SeedTeam team, SeedContext context, Random random, DateOnly on)
    {
        if (team.Candidates.Count == 0)
        {
            return null;
        }

        for (var attempt = 0; attempt < 12; attempt++)
        {
            var c = context.Candidates[team.Candidates[random.Next(team.Candidates.Count)]];
            if (c.ActiveOn(on) && c.Primary is not null)
            {
                return c;
            }
        }

        return null;
    }

    private static string NextOrganizationNumber(ref int firstEight)
    {
        while (true)
        {
            var prefix = (firstEight++).ToString("00000000", CultureInfo.InvariantCulture);
            if (OrganizationNumber.ControlDigit(prefix) is { } control)
            {
                return prefix + control.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
