using System.Globalization;
using Trinn.Core.Audit;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Tests.Workplace;

/// <summary>
/// Changing what was registered: marking a wage subsidy reviewed, editing and deleting time blocks and employer contacts,
/// and what follows them (follow-ups a contact marked done, time carried from a contact), on each database provider.
/// </summary>
public abstract class WorkplaceChangesTests(AppFixture fx)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private async Task<(Employer Employer, int CandidateId, SupportMeasure Subsidy)> SubsidyPastReviewAsync()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var subsidy = await fx.WithDbAsync(async db =>
        {
            var placement = await db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 5, 1));
            var m = SupportMeasure.Lonnstilskudd(40, new DateOnly(2026, 5, 1), null, new DateOnly(2026, 11, 1), AppFixture.Now.UtcDateTime);
            m.PlacementId = placement.Id;
            db.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        return (employer, candidate.Id, subsidy);
    }

    [Fact]
    public async Task Review_Valid_WarningGoneFromPortfolioAndNoteStored()
    {
        var (employer, candidateId, subsidy) = await SubsidyPastReviewAsync();
        var client = await fx.LoginAsync("js1");
        var link = $"href=\"/Placements/Review/{subsidy.Id}\"";
        var before = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        Assert.Contains(link, before, StringComparison.Ordinal);
        Assert.Contains($"lønnstilskudd hos {employer.Name} skulle vært revurdert", before, StringComparison.Ordinal);
        Assert.Contains(link, await (await client.GetAsync($"/Placements/Index/{candidateId}")).HtmlAsync(), StringComparison.Ordinal);

        var response = await AppFixture.PostFormAsync(client, $"/Placements/Review/{subsidy.Id}", new()
        {
            ["Input.LastReviewedOn"] = "2026-11-26",
            ["Input.NextReviewDate"] = "2027-02-26",
            ["Input.ReviewNote"] = "Fortsetter med 40 %",
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain($"lønnstilskudd hos {employer.Name} skulle vært revurdert", await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        var placements = await (await client.GetAsync($"/Placements/Index/{candidateId}")).HtmlAsync();
        Assert.DoesNotContain("data-warning=\"wage-subsidy-review\"", placements, StringComparison.Ordinal);
        Assert.Contains("; sist revurdert 26.11.2026: Fortsetter med 40 %", placements, StringComparison.Ordinal);
        var saved = await fx.WithDbAsync(db => db.Set<SupportMeasure>().AsNoTracking().SingleAsync(m => m.Id == subsidy.Id));
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2027, 2, 26), "Fortsetter med 40 %", 1L), (saved.LastReviewedOn, saved.NextReviewDate, saved.ReviewNote, saved.Version));
    }

    [Theory]
    [InlineData("2026-11-28", "2027-01-01", "Input_LastReviewedOn-error", "Datoen kan ikke være fram i tid.")]
    [InlineData("2026-11-26", "2026-11-26", "Input_NextReviewDate-error", "Neste revurdering må være etter denne revurderingen.")]
    [InlineData("2026-11-26", "", "Input_NextReviewDate-error", "Fyll ut Neste revurdering.")]
    public async Task Review_BadDates_FieldMessageAndNothingSaved(string reviewed, string next, string errorId, string message)
    {
        var (_, _, subsidy) = await SubsidyPastReviewAsync();
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/Review/{subsidy.Id}", new()
        {
            ["Input.LastReviewedOn"] = reviewed,
            ["Input.NextReviewDate"] = next,
            ["Input.Version"] = "0",
        });
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"{errorId}\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        var saved = await fx.WithDbAsync(db => db.Set<SupportMeasure>().AsNoTracking().SingleAsync(m => m.Id == subsidy.Id));
        Assert.Equal((null, new DateOnly(2026, 11, 1), 0L), (saved.LastReviewedOn, saved.NextReviewDate, saved.Version));
    }

    [Fact]
    public async Task Review_StaleVersion_ConflictAndFirstReviewKept()
    {
        var (_, _, subsidy) = await SubsidyPastReviewAsync();
        var client = await fx.LoginAsync("js1");
        var url = $"/Placements/Review/{subsidy.Id}";
        var first = await AppFixture.PostFormAsync(client, url, new() { ["Input.LastReviewedOn"] = "2026-11-26", ["Input.NextReviewDate"] = "2027-01-10", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await AppFixture.PostFormAsync(client, url, new() { ["Input.LastReviewedOn"] = "2026-11-27", ["Input.NextReviewDate"] = "2027-05-01", ["Input.Version"] = "0" });
        Assert.Contains("Noen andre lagret endringer samtidig", await stale.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 10), await fx.WithDbAsync(db => db.Set<SupportMeasure>().Where(m => m.Id == subsidy.Id).Select(m => m.NextReviewDate).SingleAsync()));
    }

    [Fact]
    public async Task TimeBlock_EditOwn_SavedAndAudited_ColleaguesBlockNotFound()
    {
        var (mine, colleagues) = await fx.WithDbAsync(async db =>
        {
            var a = TimeBlock.Create(fx.UserIds["js2"], new DateOnly(2026, 11, 23), 60, TimeCategory.OfficeWork, false, null, AppFixture.Today, AppFixture.Now.UtcDateTime);
            var b = TimeBlock.Create(fx.UserIds["js1"], new DateOnly(2026, 11, 23), 60, TimeCategory.OfficeWork, false, null, AppFixture.Today, AppFixture.Now.UtcDateTime);
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a, b);
        });
        var client = await fx.LoginAsync("js2");
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-11-24",
            ["Input.Minutes"] = "90",
            ["Input.Category"] = "2",
            ["Input.OutOfOffice"] = "true",
            ["Input.Version"] = "0",
        };
        var ok = await AppFixture.PostFormAsync(client, $"/TimeLog/Edit/{mine.Id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await fx.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.Id == mine.Id));
        Assert.Equal((new DateOnly(2026, 11, 24), 90, TimeCategory.AtEmployer, true, 1L), (saved.Date, saved.Minutes, saved.Category, saved.OutOfOffice, saved.Version));
        Assert.True(await fx.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(TimeBlock) && a.EntityId == S(mine.Id) && a.Action == AuditAction.Update)));

        var stale = await AppFixture.PostFormAsync(client, $"/TimeLog/Edit/{mine.Id}", new(fields) { ["Input.Minutes"] = "10" });
        Assert.Contains("Noen andre lagret endringer samtidig", await stale.HtmlAsync(), StringComparison.Ordinal);
        var foreign = await AppFixture.PostWithTokenFromAsync(client, "/TimeLog", $"/TimeLog/Edit/{colleagues.Id}", fields);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(60, await fx.WithDbAsync(db => db.Set<TimeBlock>().Where(b => b.Id == colleagues.Id).Select(b => b.Minutes).SingleAsync()));
    }

    [Fact]
    public async Task TimeBlock_BadMinutes_FieldErrorNothingSaved()
    {
        var block = await fx.WithDbAsync(async db =>
        {
            var b = TimeBlock.Create(fx.UserIds["js2"], new DateOnly(2026, 11, 23), 60, TimeCategory.OfficeWork, false, null, AppFixture.Today, AppFixture.Now.UtcDateTime);
            db.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        var client = await fx.LoginAsync("js2");
        var response = await AppFixture.PostFormAsync(client, $"/TimeLog/Edit/{block.Id}", new()
        {
            ["Input.Date"] = "2026-11-30",
            ["Input.Minutes"] = "30",
            ["Input.Category"] = "4",
            ["Input.Version"] = "0",
        });
        var html = await response.HtmlAsync();
        Assert.Contains("id=\"Input_Date-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Datoen kan ikke være fram i tid.", html, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 23), await fx.WithDbAsync(db => db.Set<TimeBlock>().Where(b => b.Id == block.Id).Select(b => b.Date).SingleAsync()));
    }

    [Fact]
    public async Task TimeBlock_Delete_ConfirmThenGoneAndAudited()
    {
        var block = await fx.WithDbAsync(async db =>
        {
            var b = TimeBlock.Create(fx.UserIds["mv1"], new DateOnly(2026, 11, 23), 45, TimeCategory.Travel, true, null, AppFixture.Today, AppFixture.Now.UtcDateTime);
            db.Add(b);
            await db.SaveChangesAsync();
            return b;
        });
        var client = await fx.LoginAsync("mv1");
        var confirm = await (await client.GetAsync($"/TimeLog/Delete/{block.Id}")).HtmlAsync();
        Assert.Contains("Vil du slette 45 minutter Reise den 23.11.2026?", confirm, StringComparison.Ordinal);
        Assert.True(await fx.WithDbAsync(db => db.Set<TimeBlock>().AnyAsync(b => b.Id == block.Id)));
        var response = await AppFixture.PostFormAsync(client, $"/TimeLog/Delete/{block.Id}", new() { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await fx.WithDbAsync(db => db.Set<TimeBlock>().AnyAsync(b => b.Id == block.Id)));
        Assert.True(await fx.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(TimeBlock) && a.EntityId == S(block.Id) && a.Action == AuditAction.Delete)));
    }

    /// <summary>A paid placement's follow-up planned on 20 Nov, marked done by a workplace follow-up contact on 19 Nov carried into the time log.</summary>
    private async Task<(EmployerContact Contact, FollowUp FollowUp, TimeBlock Block, int CandidateId)> FollowUpDoneByContactAsync(HttpClient client)
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        await fx.WithDbAsync(db => db.AddAgreementAsync(candidate.Id, employerContact: true));
        var followUp = await fx.WithDbAsync(async db =>
        {
            var f = FollowUp.Planned(candidate.Id, FollowUpKind.Weekly, new DateOnly(2026, 11, 20));
            db.Add(f);
            await db.SaveChangesAsync();
            return f;
        });
        var created = await AppFixture.PostFormAsync(client, $"/Employers/Contact/{employer.Id}", new()
        {
            ["Input.Date"] = "2026-11-19",
            ["Input.Kind"] = S((int)EmployerContactKind.WorkplaceFollowUp),
            ["Input.Purpose"] = S((int)EmployerContactPurpose.FollowUp),
            ["Input.DurationMinutes"] = "60",
            ["Input.CandidateIds"] = S(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var contact = await fx.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().SingleAsync(c => c.EmployerId == employer.Id));
        var carried = await AppFixture.PostFormAsync(client, "/TimeLog?week=2026-W47", [], $"/TimeLog?handler=Carry&source=contact&id={contact.Id}");
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        var done = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == followUp.Id));
        Assert.Equal((new DateOnly(2026, 11, 19), FollowUpDoneBy.EmployerContact, contact.Id), (done.DoneOn, done.DoneBy, done.DoneByContactId));
        var block = await fx.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.EmployerContactId == contact.Id));
        return (contact, done, block, candidate.Id);
    }

    [Fact]
    public async Task Contact_KindChangedFromWorkplaceFollowUp_FollowUpPlannedAgainAndTimeFollows()
    {
        var client = await fx.LoginAsync("js1");
        var (contact, followUp, block, candidateId) = await FollowUpDoneByContactAsync(client);
        var mv = await fx.LoginAsync("mv1"); // any team member may correct a contact
        var response = await AppFixture.PostFormAsync(mv, $"/Employers/ContactEdit/{contact.Id}", new()
        {
            ["Input.Date"] = "2026-11-18",
            ["Input.Kind"] = S((int)EmployerContactKind.Phone),
            ["Input.Purpose"] = S((int)EmployerContactPurpose.FollowUp),
            ["Input.DurationMinutes"] = "20",
            ["Input.CandidateIds"] = S(candidateId),
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reopened = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == followUp.Id));
        Assert.Equal((null, null, null), (reopened.DoneOn, reopened.DoneBy, reopened.DoneByContactId));
        var moved = await fx.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.Id == block.Id));
        Assert.Equal((new DateOnly(2026, 11, 18), 20, false, fx.UserIds["js1"]), (moved.Date, moved.Minutes, moved.OutOfOffice, moved.UserId));
        Assert.True(await fx.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(EmployerContact) && a.EntityId == S(contact.Id) && a.Action == AuditAction.Update)));

        // Back to a workplace follow-up: the follow-up is done again, by this contact.
        var again = await AppFixture.PostFormAsync(mv, $"/Employers/ContactEdit/{contact.Id}", new()
        {
            ["Input.Date"] = "2026-11-18",
            ["Input.Kind"] = S((int)EmployerContactKind.WorkplaceFollowUp),
            ["Input.Purpose"] = S((int)EmployerContactPurpose.FollowUp),
            ["Input.DurationMinutes"] = "20",
            ["Input.CandidateIds"] = S(candidateId),
            ["Input.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var redone = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == followUp.Id));
        Assert.Equal((new DateOnly(2026, 11, 18), contact.Id), (redone.DoneOn, redone.DoneByContactId));
    }

    [Fact]
    public async Task Contact_StaleEdit_ConflictAndNothingChanged()
    {
        var client = await fx.LoginAsync("js1");
        var (contact, followUp, _, candidateId) = await FollowUpDoneByContactAsync(client);
        var response = await AppFixture.PostFormAsync(client, $"/Employers/ContactEdit/{contact.Id}", new()
        {
            ["Input.Date"] = "2026-11-18",
            ["Input.Kind"] = S((int)EmployerContactKind.Phone),
            ["Input.Purpose"] = S((int)EmployerContactPurpose.FollowUp),
            ["Input.CandidateIds"] = S(candidateId),
            ["Input.Version"] = "7",
        });
        Assert.Contains("Noen andre lagret endringer samtidig", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(EmployerContactKind.WorkplaceFollowUp, await fx.WithDbAsync(db => db.Set<EmployerContact>().Where(c => c.Id == contact.Id).Select(c => c.Kind).SingleAsync()));
        Assert.NotNull(await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == followUp.Id).Select(f => f.DoneOn).SingleAsync()));
    }

    [Fact]
    public async Task Contact_Delete_FollowUpPlannedAgainTimeBlockGoneAllAudited()
    {
        var client = await fx.LoginAsync("js1");
        var (contact, followUp, block, _) = await FollowUpDoneByContactAsync(client);
        var confirm = await (await client.GetAsync($"/Employers/ContactDelete/{contact.Id}")).HtmlAsync();
        Assert.Contains("data-consequence=\"follow-ups\"", confirm, StringComparison.Ordinal);
        Assert.Contains("data-consequence=\"time-block\"", confirm, StringComparison.Ordinal);
        var response = await AppFixture.PostFormAsync(client, $"/Employers/ContactDelete/{contact.Id}", new() { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await fx.WithDbAsync(async db =>
        {
            Assert.False(await db.Set<EmployerContact>().AnyAsync(c => c.Id == contact.Id));
            Assert.False(await db.Set<TimeBlock>().AnyAsync(b => b.Id == block.Id));
            var f = await db.Set<FollowUp>().AsNoTracking().SingleAsync(x => x.Id == followUp.Id);
            Assert.Equal((null, null), (f.DoneOn, f.DoneByContactId));
            var audited = await db.Set<AuditEntry>().Where(a => a.Action == AuditAction.Delete).Select(a => a.EntityType + ":" + a.EntityId).ToListAsync();
            Assert.Contains(nameof(EmployerContact) + ":" + S(contact.Id), audited);
            Assert.Contains(nameof(TimeBlock) + ":" + S(block.Id), audited);
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(FollowUp) && a.EntityId == S(followUp.Id) && a.Action == AuditAction.Update));
        });
    }

    [Fact]
    public async Task Contact_OtherTeam_EditAndDeleteNotFound()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var contact = await fx.WithDbAsync(db => db.AddContactAsync(employer.Id, fx.UserIds["js1"], new DateOnly(2026, 11, 20)));
        var client = await fx.LoginAsync("jsb");
        var edit = await AppFixture.PostWithTokenFromAsync(client, "/Employers", $"/Employers/ContactEdit/{contact.Id}", new()
        {
            ["Input.Date"] = "2026-11-20",
            ["Input.Kind"] = "1",
            ["Input.Purpose"] = "1",
            ["Input.Version"] = "0",
        });
        var delete = await AppFixture.PostWithTokenFromAsync(client, "/Employers", $"/Employers/ContactDelete/{contact.Id}", new() { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.True(await fx.WithDbAsync(db => db.Set<EmployerContact>().AnyAsync(c => c.Id == contact.Id && c.Purpose == EmployerContactPurpose.BuildNetwork)));
    }
}

public sealed class WorkplaceChangesSqliteTests(SqliteAppFixture fx) : WorkplaceChangesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class WorkplaceChangesPostgresTests(PostgresAppFixture fx) : WorkplaceChangesTests(fx), IClassFixture<PostgresAppFixture>;
