using System.Globalization;
using Trinn.Core.Candidates;

namespace Trinn.Cli.Seed;

/// <summary>
/// Journal notes spread over each candidate's follow-up in proportion to its length, mostly by the primary
/// specialist. An active candidate's last note is usually from the last two weeks; about one in five has had no
/// contact for longer, so Min portefølje shows warnings as it would in a real team.
/// </summary>
internal sealed class JournalGenerator : ISeedGenerator
{
    private static readonly string[] Texts =
    [
        "Samtale om ønsker for arbeid og hvilke arbeidsgivere vi skal kontakte først.",
        "Gikk gjennom yrkesprofilen sammen. Kandidaten vil helst jobbe formiddag.",
        "Besøk på arbeidsplassen. Leder er fornøyd, kandidaten trives med oppgavene.",
        "Telefon: kandidaten var syk i går, avtalt nytt møte neste uke.",
        "Øvde på jobbintervju. Kandidaten var nervøs, men forberedt.",
        "Hjemmebesøk. Snakket om rutiner og transport til jobb.",
        "Møte med arbeidsgiver og kandidat om tilrettelegging av arbeidstid.",
        "Melding: bekreftet oppstart mandag kl. 08.",
    ];

    public IReadOnlyList<Type> Tables { get; } = [typeof(JournalNote)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("journal");
        var total = (double)context.Scale.JournalNotes;
        var weight = context.Candidates.Sum(c => Weight(c));
        var id = 0;
        var dates = new List<DateOnly>();
        await using (var notes = writer.Table<JournalNote>(
            nameof(JournalNote.Id), nameof(JournalNote.CandidateId), nameof(JournalNote.AuthorId), nameof(JournalNote.Date), nameof(JournalNote.Kind),
            nameof(JournalNote.Place), nameof(JournalNote.DurationMinutes), nameof(JournalNote.Text), nameof(JournalNote.CreatedAtUtc)))
        {
            foreach (var c in context.Candidates)
            {
                var expected = total * Weight(c) / weight;
                var count = (int)expected + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
                if (id + count > context.Scale.JournalNotes)
                {
                    count = context.Scale.JournalNotes - id;
                }

                dates.Clear();
                for (var i = 0; i < count; i++)
                {
                    dates.Add(SeedContext.Between(random, c.ReferredOn, c.End));
                }

                if (c.DischargedOn is null && count > 0)
                {
                    // The latest contact: within two weeks for most, older for about one in five (a warning on the portfolio).
                    var daysAgo = random.Next(5) == 0 ? random.Next(15, 60) : random.Next(0, 14);
                    var lastContact = context.Today.AddDays(-daysAgo) < c.ReferredOn ? c.ReferredOn : context.Today.AddDays(-daysAgo);
                    for (var i = 0; i < dates.Count; i++)
                    {
                        if (dates[i] > lastContact)
                        {
                            dates[i] = SeedContext.Between(random, c.ReferredOn, lastContact);
                        }
                    }

                    dates[0] = lastContact;
                }

                dates.Sort();
                foreach (var date in dates)
                {
                    var author = random.Next(100) switch
                    {
                        < 75 when c.Primary is not null => c.Primary,
                        < 95 when c.Backup is not null => c.Backup,
                        _ => c.Team.PickSpecialist(random, date),
                    };
                    var kind = (JournalKind)random.Next(1, 7);
                    var outside = kind is JournalKind.HomeVisit or JournalKind.WorkplaceVisit or JournalKind.WithEmployer
                        || (kind == JournalKind.Meeting && random.Next(10) < 4);
                    notes.Add(++id, c.Id, author.Id, date, kind, outside ? WorkPlace.OutOfOffice : WorkPlace.Office,
                        kind is JournalKind.Message ? 5 : 15 * random.Next(1, 7), Texts[random.Next(Texts.Length)], SeedContext.At(date, random));
                    if (outside && random.Next(3) == 0)
                    {
                        context.CarriedNotes.Add(new SeedNote(id, author, date, 15 * random.Next(2, 7)));
                    }
                }
            }

            context.JournalNoteCount = id;
            context.Progress(string.Create(CultureInfo.InvariantCulture, $"journal: {notes.Count:N0} notes"));
        }
    }

    /// <summary>Days followed; an active candidate counts a little more (a recent follow-up is busier).</summary>
    private static double Weight(SeedCandidate c) => (c.End.DayNumber - c.ReferredOn.DayNumber + 14) * (c.DischargedOn is null ? 1.5 : 1.0);
}
