using System.Globalization;
using Trinn.Core.Identity;
using Trinn.Core.TimeLog;

namespace Trinn.Cli.Seed;

/// <summary>
/// The specialists' time logs: time carried from half of the in-person employer contacts and from some
/// out-of-office journal notes, and the rest of the working days (office work, team meetings, travel) as free
/// blocks, so the share of time out of office lands around the 40 % target with spread between people.
/// </summary>
internal sealed class TimeLogGenerator : ISeedGenerator
{
    public IReadOnlyList<Type> Tables { get; } = [typeof(TimeBlock)];

    public async Task RunAsync(SeedContext context, BulkWriter writer, CancellationToken ct)
    {
        var random = context.RandomFor("timelog");
        var target = context.Scale.TimeBlocks;
        var carriedContacts = 0;
        var carriedNotes = 0;
        await using var blocks = writer.Table<TimeBlock>(
            nameof(TimeBlock.Id), nameof(TimeBlock.UserId), nameof(TimeBlock.Date), nameof(TimeBlock.Minutes), nameof(TimeBlock.Category),
            nameof(TimeBlock.OutOfOffice), nameof(TimeBlock.Note), nameof(TimeBlock.JournalNoteId), nameof(TimeBlock.EmployerContactId),
            nameof(TimeBlock.CreatedAtUtc), nameof(TimeBlock.Version));
        foreach (var contact in context.Contacts)
        {
            if (blocks.Count >= target / 3)
            {
                break;
            }

            if (contact.InPerson && random.Next(2) == 0)
            {
                blocks.Add((int)blocks.Count + 1, contact.Specialist.Id, contact.Date, contact.Minutes, TimeCategory.AtEmployer, true, null, null, contact.Id,
                    SeedContext.At(contact.Date, random), 1L);
                carriedContacts++;
            }
        }

        foreach (var note in context.CarriedNotes)
        {
            if (blocks.Count >= target * 2 / 3)
            {
                break;
            }

            blocks.Add((int)blocks.Count + 1, note.Author.Id, note.Date, note.Minutes, TimeCategory.WithCandidate, true, null, note.Id, null,
                SeedContext.At(note.Date, random), 1L);
            carriedNotes++;
        }

        var specialists = context.Users.Where(u => u.Role == Roles.Jobbspesialist).ToList();
        while (blocks.Count < target)
        {
            var user = specialists[random.Next(specialists.Count)];
            var date = SeedContext.Weekday(SeedContext.Between(random, context.HistoryStart, context.Today));
            var (category, outside) = random.Next(100) switch
            {
                < 40 => (TimeCategory.OfficeWork, false),
                < 55 => (TimeCategory.TeamMeeting, false),
                < 75 => (TimeCategory.Travel, true),
                < 85 => (TimeCategory.Other, random.Next(2) == 0),
                < 95 => (TimeCategory.WithCandidate, true),
                _ => (TimeCategory.AtEmployer, true),
            };
            blocks.Add((int)blocks.Count + 1, user.Id, date, 30 * random.Next(1, 9), category, outside,
                category == TimeCategory.TeamMeeting ? "Teammøte" : null, null, null, SeedContext.At(date, random), 1L);
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"time log: {blocks.Count:N0} time blocks ({carriedContacts:N0} carried from employer contacts, {carriedNotes:N0} from journal notes)"));
    }
}
