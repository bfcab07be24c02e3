using Trinn.Core.Candidates;
using Trinn.Core.Employers;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Tests.Workplace;

/// <summary>The time log through the page, on each database provider. Week 2026-W47 is 16–22 November.</summary>
public abstract class TimeLogPagesTests(AppFixture fx)
{
    [Fact]
    public async Task AddBlock_NoCategory_FieldErrorNothingSaved()
    {
        var client = await fx.LoginAsync("mv1");
        var response = await AppFixture.PostFormAsync(client, "/TimeLog", new() { ["Input.Date"] = "2026-11-26", ["Input.Minutes"] = "60", ["Input.Category"] = "" }, "/TimeLog?handler=Add");
        var html = await response.HtmlAsync();
        Assert.Contains("Fyll ut Kategori.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Category-error\"", html, StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<TimeBlock>().AnyAsync(b => b.UserId == fx.UserIds["mv1"])));
    }

    [Fact]
    public async Task CarryNoteAndContact_OnceEach_ShareAgainstFortyPercent()
    {
        var me = fx.UserIds["js2"];
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, me));
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var (noteId, contactId) = await fx.WithDbAsync(async db =>
        {
            var note = new JournalNote
            {
                CandidateId = candidate.Id,
                AuthorId = me,
                Date = new DateOnly(2026, 11, 17),
                Kind = JournalKind.Meeting,
                Place = WorkPlace.OutOfOffice,
                DurationMinutes = 90,
                Text = "Kafé",
                CreatedAtUtc = AppFixture.Now.UtcDateTime,
            };
            db.Add(note);
            var contact = await db.AddContactAsync(employer.Id, me, new DateOnly(2026, 11, 18), kind: EmployerContactKind.Phone);
            await db.SaveChangesAsync();
            return (note.Id, contact.Id);
        });

        var client = await fx.LoginAsync("js2");
        var page = await (await client.GetAsync("/TimeLog?week=2026-W47")).HtmlAsync();
        Assert.Contains($"data-carry=\"note-{noteId}\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-carry=\"contact-{contactId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.LastName, page, StringComparison.Ordinal);

        var carryNote = await client.GetFormAsync("/TimeLog?week=2026-W47", $"/TimeLog?handler=Carry&source=note&id={noteId}");
        var carried = await client.PostFormAsync(carryNote, []);
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        // The same form sent again (a double click, or the back button): the note is carried already.
        var again = await client.PostFormAsync(carryNote, []);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await AppFixture.PostFormAsync(client, "/TimeLog?week=2026-W47", [], $"/TimeLog?handler=Carry&source=contact&id={contactId}");
        // Office work typed in: 60 minutes in the office.
        var typed = await AppFixture.PostFormAsync(client, "/TimeLog", new()
        {
            ["Input.Date"] = "2026-11-19",
            ["Input.Minutes"] = "60",
            ["Input.Category"] = "4",
            ["Input.OutOfOffice"] = "false",
        }, "/TimeLog?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);

        var blocks = await fx.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().Where(b => b.UserId == me).ToListAsync());
        Assert.Equal(3, blocks.Count);
        Assert.Single(blocks, b => b.JournalNoteId == noteId && b.OutOfOffice && b.Category == TimeCategory.WithCandidate && b.Minutes == 90);
        Assert.Single(blocks, b => b.EmployerContactId == contactId && !b.OutOfOffice && b.Category == TimeCategory.AtEmployer && b.Minutes == 30);

        // Issue #11: the share is of working time, not of logged time. js2 works full time (37.5 h a week, no absence):
        // 90 minutes = 1.5 h out of the office is 1.5 / 37.5 = 4 % of working time; of the 180 logged minutes it is 50 %.
        var week = await (await client.GetAsync("/TimeLog?week=2026-W47")).HtmlAsync();
        Assert.Contains("4 % ute av kontoret, regnet av arbeidstiden (1,5 av 37,5 timer). Målet er minst 40 % av arbeidstiden", week, StringComparison.Ordinal);
        Assert.Contains("Til sammenligning, andel av ført tid: 50 % (90 av 180 minutter ført).", week, StringComparison.Ordinal);
        Assert.Contains("misforstått som 60 %", week, StringComparison.Ordinal);
        Assert.DoesNotContain("data-carry=", week, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarryOtherUsersNote_NotFound()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var noteId = await fx.WithDbAsync(async db =>
        {
            var note = new JournalNote
            {
                CandidateId = candidate.Id,
                AuthorId = fx.UserIds["js1"],
                Date = new DateOnly(2026, 11, 17),
                Kind = JournalKind.Meeting,
                Place = WorkPlace.OutOfOffice,
                DurationMinutes = 30,
                Text = "x",
                CreatedAtUtc = AppFixture.Now.UtcDateTime,
            };
            db.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });
        var client = await fx.LoginAsync("mv1");
        // mv1 is offered no carry form for js1's note: a forged post with mv1's own token.
        var response = await AppFixture.PostWithTokenFromAsync(client, "/TimeLog", $"/TimeLog?handler=Carry&source=note&id={noteId}", []);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await fx.WithDbAsync(db => db.Set<TimeBlock>().AnyAsync(b => b.JournalNoteId == noteId)));
    }

    [Fact]
    public async Task BadWeek_NorwegianMessage()
    {
        var client = await fx.LoginAsync("js1");
        Assert.Contains("Skriv uken som ÅÅÅÅ-Uuu", await (await client.GetAsync("/TimeLog?week=2026-48")).HtmlAsync(), StringComparison.Ordinal);
    }
}

public sealed class TimeLogPagesSqliteTests(SqliteAppFixture fx) : TimeLogPagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class TimeLogPagesPostgresTests(PostgresAppFixture fx) : TimeLogPagesTests(fx), IClassFixture<PostgresAppFixture>;
