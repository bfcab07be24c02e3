using System.Globalization;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Employer contacts carry side effects: a workplace follow-up marks a planned follow-up done, editing or deleting the
/// contact reopens or re-matches it, and a time block carried from the contact follows it. When someone else saves one
/// of those records in the same moment, the form shows the conflict message, saves nothing, keeps what was typed, and
/// the other person's save stands (as in <see cref="SideEffectConflictTests"/>). On SQLite and on PostgreSQL.
/// </summary>
public abstract class ContactSideEffectConflictTests(TrinnFactory app, InterleavedSave race)
{
    private const string Conflict = "Noen andre lagret endringer samtidig. Du ser nå de siste opplysningene – gjør endringen din på nytt.";
    private const string OtherNote = "Avtalt med arbeidsgiver";

    [Fact]
    public async Task Contact_FollowUpSavedByAnotherWhileWorkplaceFollowUpSaves_ConflictNothingSavedThenResubmitWorks()
    {
        var scene = await SceneAsync();
        var form = await scene.Client.GetFormAsync($"/Employers/Contact/{scene.EmployerId}");
        race.Arm(c => c.ChangeTracker.Entries<EmployerContact>().Any(e => e.State == EntityState.Added), () => ChangeFollowUpNoteAsync(scene.FollowUpId));

        using var conflict = await scene.Client.PostFormAsync(form, ContactForm(scene, EmployerContactKind.WorkplaceFollowUp, 60, "Besøk på lageret"));

        await AssertConflictAsync(conflict, "Besøk på lageret");
        Assert.Equal(0, await ContactCountAsync(scene.EmployerId));
        var followUp = await FollowUpAsync(scene.FollowUpId);
        Assert.Null(followUp.DoneOn);
        Assert.Equal(OtherNote, followUp.Note);

        using var again = await scene.Client.PostFormAsync(
            await scene.Client.GetFormAsync($"/Employers/Contact/{scene.EmployerId}"), ContactForm(scene, EmployerContactKind.WorkplaceFollowUp, 60, "Besøk på lageret"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await ContactCountAsync(scene.EmployerId));
        followUp = await FollowUpAsync(scene.FollowUpId);
        Assert.Equal(app.Data.Today, followUp.DoneOn);
        Assert.Equal(OtherNote, followUp.Note);
    }

    [Fact]
    public async Task ContactEdit_FollowUpSavedByAnotherWhileEditReopensIt_ConflictTypedValuesKeptNothingSavedThenResubmitWorks()
    {
        var scene = await SceneAsync();
        var contactId = await AddWorkplaceFollowUpAsync(scene);
        var form = await scene.Client.GetFormAsync($"/Employers/ContactEdit/{contactId}");
        race.Arm(c => c.ChangeTracker.Entries<EmployerContact>().Any(e => e.State == EntityState.Modified), () => ChangeFollowUpNoteAsync(scene.FollowUpId));

        using var conflict = await scene.Client.PostFormAsync(form, ContactForm(scene, EmployerContactKind.Visit, 60, "Var et vanlig besøk"));

        await AssertConflictAsync(conflict, "Var et vanlig besøk");
        var contact = await ContactAsync(contactId);
        Assert.Equal(EmployerContactKind.WorkplaceFollowUp, contact.Kind);
        Assert.Equal("Første notat", contact.Note);
        var followUp = await FollowUpAsync(scene.FollowUpId);
        Assert.Equal(contactId, followUp.DoneByContactId);
        Assert.Equal(OtherNote, followUp.Note);

        // The form still carries the contact's version, so sending it again saves.
        using var again = await scene.Client.PostFormAsync(form, ContactForm(scene, EmployerContactKind.Visit, 60, "Var et vanlig besøk"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(EmployerContactKind.Visit, (await ContactAsync(contactId)).Kind);
        followUp = await FollowUpAsync(scene.FollowUpId);
        Assert.Null(followUp.DoneOn);
        Assert.Null(followUp.DoneByContactId);
        Assert.Equal(OtherNote, followUp.Note);
    }

    [Fact]
    public async Task ContactEdit_TimeBlockSavedByAnotherWhileEditMovesIt_ConflictTypedValuesKeptNothingSavedThenResubmitWorks()
    {
        var scene = await SceneAsync();
        var contactId = await AddWorkplaceFollowUpAsync(scene);
        var blockId = await app.Data.WithDbAsync(async db =>
        {
            var block = TimeBlock.FromEmployerContact(await db.Set<EmployerContact>().SingleAsync(c => c.Id == contactId), DateTime.UtcNow);
            db.Add(block);
            await db.SaveChangesAsync();
            return block.Id;
        });
        var form = await scene.Client.GetFormAsync($"/Employers/ContactEdit/{contactId}");
        race.Arm(
            c => c.ChangeTracker.Entries<EmployerContact>().Any(e => e.State == EntityState.Modified),
            () => app.Data.WithDbAsync(async db =>
            {
                var block = await db.Set<TimeBlock>().SingleAsync(b => b.Id == blockId);
                block.Change(block.Date, block.Minutes, block.Category, block.OutOfOffice, "Kjøring inkludert", app.Data.Today);
                return await db.SaveChangesAsync();
            }));

        using var conflict = await scene.Client.PostFormAsync(form, ContactForm(scene, EmployerContactKind.WorkplaceFollowUp, 90, "Ble lengre enn planlagt"));

        await AssertConflictAsync(conflict, "Ble lengre enn planlagt");
        Assert.Equal(45, (await ContactAsync(contactId)).DurationMinutes);
        var stored = await app.Data.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.Id == blockId));
        Assert.Equal(45, stored.Minutes);
        Assert.Equal("Kjøring inkludert", stored.Note);

        using var again = await scene.Client.PostFormAsync(form, ContactForm(scene, EmployerContactKind.WorkplaceFollowUp, 90, "Ble lengre enn planlagt"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await app.Data.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.Id == blockId));
        Assert.Equal(90, stored.Minutes);
        Assert.Equal("Kjøring inkludert", stored.Note);
    }

    [Fact]
    public async Task ContactDelete_FollowUpSavedByAnotherWhileDeleteReopensIt_ConflictNothingDeletedThenResubmitWorks()
    {
        var scene = await SceneAsync();
        var contactId = await AddWorkplaceFollowUpAsync(scene);
        var url = $"/Employers/ContactDelete/{contactId}";
        var form = await scene.Client.GetFormAsync(url);
        race.Arm(c => c.ChangeTracker.Entries<EmployerContact>().Any(e => e.State == EntityState.Deleted), () => ChangeFollowUpNoteAsync(scene.FollowUpId));

        using var conflict = await scene.Client.PostFormAsync(form, []);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(Conflict, await conflict.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ContactCountAsync(scene.EmployerId));
        var followUp = await FollowUpAsync(scene.FollowUpId);
        Assert.Equal(contactId, followUp.DoneByContactId);
        Assert.Equal(OtherNote, followUp.Note);

        using var again = await scene.Client.PostFormAsync(await scene.Client.GetFormAsync(url), []);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(0, await ContactCountAsync(scene.EmployerId));
        followUp = await FollowUpAsync(scene.FollowUpId);
        Assert.Null(followUp.DoneOn);
        Assert.Equal(OtherNote, followUp.Note);
    }

    private sealed record Scene(BrowserClient Client, int EmployerId, int CandidateId, int FollowUpId);

    private async Task<Scene> SceneAsync()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 4, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(candidate.Id, employerContact: true); // the contact is about the candidate
        var employer = await app.Data.WithDbAsync(db => Workplace.Builders.AddEmployerAsync(db, staff.Team.Id));
        var followUpId = await app.Data.WithDbAsync(async db =>
        {
            var followUp = FollowUp.Planned(candidate.Id, FollowUpKind.Extra, app.Data.Today);
            db.Add(followUp);
            await db.SaveChangesAsync();
            return followUp.Id;
        });
        return new Scene(await BrowserClient.LoginAsync(app, staff.Specialist.UserName!), employer.Id, candidate.Id, followUpId);
    }

    /// <summary>Registers a workplace follow-up through the page, so it marks the planned follow-up done as users do.</summary>
    private async Task<int> AddWorkplaceFollowUpAsync(Scene scene)
    {
        using var created = await scene.Client.PostFormAsync(
            await scene.Client.GetFormAsync($"/Employers/Contact/{scene.EmployerId}"), ContactForm(scene, EmployerContactKind.WorkplaceFollowUp, 45, "Første notat"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var contactId = await app.Data.WithDbAsync(db => db.Set<EmployerContact>().Where(c => c.EmployerId == scene.EmployerId).Select(c => c.Id).SingleAsync());
        Assert.Equal(contactId, (await FollowUpAsync(scene.FollowUpId)).DoneByContactId);
        return contactId;
    }

    private Dictionary<string, string> ContactForm(Scene scene, EmployerContactKind kind, int minutes, string note) => new()
    {
        ["Input.Date"] = app.Data.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Kind"] = ((int)kind).ToString(CultureInfo.InvariantCulture),
        ["Input.Purpose"] = ((int)EmployerContactPurpose.FollowUp).ToString(CultureInfo.InvariantCulture),
        ["Input.DurationMinutes"] = minutes.ToString(CultureInfo.InvariantCulture),
        ["Input.Note"] = note,
        ["Input.CandidateIds"] = scene.CandidateId.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task AssertConflictAsync(HttpResponseMessage response, string typed)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(Conflict, html, StringComparison.Ordinal);
        Assert.Contains(typed, html, StringComparison.Ordinal);
    }

    private Task<int> ChangeFollowUpNoteAsync(int followUpId) => app.Data.WithDbAsync(async db =>
    {
        var followUp = await db.Set<FollowUp>().SingleAsync(f => f.Id == followUpId);
        followUp.Note = OtherNote;
        return await db.SaveChangesAsync();
    });

    private Task<int> ContactCountAsync(int employerId) => app.Data.WithDbAsync(db => db.Set<EmployerContact>().CountAsync(c => c.EmployerId == employerId));

    private Task<EmployerContact> ContactAsync(int id) => app.Data.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<FollowUp> FollowUpAsync(int id) => app.Data.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == id));
}

public sealed class ContactSideEffectConflictSqliteTests(RaceTrinnFactory app) : ContactSideEffectConflictTests(app, app.Race), IClassFixture<RaceTrinnFactory>;

public sealed class ContactSideEffectConflictPostgresTests(RacePostgresTrinnFactory app)
    : ContactSideEffectConflictTests(app, app.Race), IClassFixture<RacePostgresTrinnFactory>;
