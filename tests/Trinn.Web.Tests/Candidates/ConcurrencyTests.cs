using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Candidates;

/// <summary>
/// Two people save the same candidate: the second save gets the conflict message and the latest data, never a
/// silent overwrite. On SQLite and on PostgreSQL.
/// </summary>
public abstract class ConcurrencyTests(TrinnFactory app)
{
    private const string Conflict = "Noen andre lagret endringer samtidig. Du ser nå de siste opplysningene – gjør endringen din på nytt.";

    [Fact]
    public async Task Edit_TwoSessionsSaveTheSameCandidate_SecondGetsConflictAndFirstSaveIsKept()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var colleague = await app.Data.AddUserAsync(Roles.Jobbspesialist, staff.Team);
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var first = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var second = await BrowserClient.LoginAsync(app, colleague.UserName!);
        var firstForm = await first.GetFormAsync($"/Candidates/Edit/{candidate.Id}");
        var secondForm = await second.GetFormAsync($"/Candidates/Edit/{candidate.Id}");

        using var saved = await first.PostFormAsync(firstForm, Edit(candidate.FirstName, "41111111", "Ringe arbeidsgiver"));
        using var conflict = await second.PostFormAsync(secondForm, Edit("Overskrevet", "42222222", "Noe annet"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.HtmlAsync();
        Assert.Contains(Conflict, html, StringComparison.Ordinal);
        Assert.Contains("value=\"41111111\"", html, StringComparison.Ordinal);
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(candidate.FirstName, stored.FirstName);
        Assert.Equal("41111111", stored.Phone);
        Assert.Equal("Ringe arbeidsgiver", stored.NextAction);
        Assert.Equal(candidate.Version + 1, stored.Version);
    }

    [Fact]
    public async Task Stage_TwoSessionsMoveTheSameCandidate_SecondGetsConflictAndOnlyFirstMoveIsStored()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var first = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var second = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var firstForm = await first.GetFormAsync($"/Candidates/Stage/{candidate.Id}");
        var secondForm = await second.GetFormAsync($"/Candidates/Stage/{candidate.Id}");

        using var saved = await first.PostFormAsync(firstForm, StageAndDischargeTests.Move(3, app.Data.Today, "Profil ferdig"));
        using var conflict = await second.PostFormAsync(secondForm, StageAndDischargeTests.Move(1, app.Data.Today, "Tilbake"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(Conflict, await conflict.HtmlAsync(), StringComparison.Ordinal);
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Equal(3, stored.Stage);
        Assert.Equal(3, stored.StageChanges.Count);
        Assert.DoesNotContain(stored.StageChanges, s => s.Reason == "Tilbake");
    }

    [Fact]
    public async Task Discharge_AfterAStageMoveInAnotherSession_GetsConflictAndDischargesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        using var first = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var second = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var dischargeForm = await second.GetFormAsync($"/Candidates/Discharge/{candidate.Id}");

        using var moved = await first.SubmitAsync($"/Candidates/Stage/{candidate.Id}", StageAndDischargeTests.Move(4, app.Data.Today, "Fikk jobb"));
        using var conflict = await second.PostFormAsync(dischargeForm, StageAndDischargeTests.Discharge(app.Data.Today));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(Conflict, await conflict.HtmlAsync(), StringComparison.Ordinal);
        var stored = await app.Data.LoadCandidateAsync(candidate.Id);
        Assert.Null(stored.DischargedOn);
        Assert.Equal(4, stored.Stage);
    }

    [Fact]
    public async Task Agreement_TwoSessionsRecordTheFirstAgreement_SecondGetsConflictAndFirstIsKept()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var first = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var second = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var firstForm = await first.GetFormAsync($"/Candidates/Agreement/{candidate.Id}");
        var secondForm = await second.GetFormAsync($"/Candidates/Agreement/{candidate.Id}");

        using var saved = await first.PostFormAsync(firstForm, Agreement("Avtalt i første økt"));
        using var conflict = await second.PostFormAsync(secondForm, Agreement("Avtalt i andre økt"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.HtmlAsync();
        Assert.Contains(Conflict, html, StringComparison.Ordinal);
        Assert.Contains("Avtalt i første økt", html, StringComparison.Ordinal);
        var agreed = await app.Data.WithDbAsync(db => db.CooperationAgreements.Where(a => a.CandidateId == candidate.Id).Select(a => a.Agreed).SingleAsync());
        Assert.Equal("Avtalt i første økt", agreed);
    }

    [Fact]
    public async Task Agreement_TwoSessionsUpdateTheSameAgreement_SecondGetsConflictAndFirstIsKept()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var first = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using var second = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        using (var created = await first.SubmitAsync($"/Candidates/Agreement/{candidate.Id}", Agreement("Første versjon")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var firstForm = await first.GetFormAsync($"/Candidates/Agreement/{candidate.Id}");
        var secondForm = await second.GetFormAsync($"/Candidates/Agreement/{candidate.Id}");

        using var saved = await first.PostFormAsync(firstForm, Agreement("Oppdatert i første økt"));
        using var conflict = await second.PostFormAsync(secondForm, Agreement("Oppdatert i andre økt"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(Conflict, await conflict.HtmlAsync(), StringComparison.Ordinal);
        var agreed = await app.Data.WithDbAsync(db => db.CooperationAgreements.Where(a => a.CandidateId == candidate.Id).Select(a => a.Agreed).SingleAsync());
        Assert.Equal("Oppdatert i første økt", agreed);
    }

    private Dictionary<string, string> Agreement(string agreed) => new()
    {
        ["Input.SignedOn"] = app.Data.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Agreed"] = agreed,
        ["Input.ConsentEmployerContact"] = "true",
        ["Input.ConsentNavVeileder"] = "false",
        ["Input.ConsentHealthAndNetwork"] = "false",
        ["Input.ConsentResearch"] = "true",
    };

    private static Dictionary<string, string> Edit(string firstName, string phone, string nextAction) => new()
    {
        ["Input.FirstName"] = firstName,
        ["Input.LastName"] = "Etternavn",
        ["Input.Phone"] = phone,
        ["Input.Email"] = "",
        ["Input.Address"] = "",
        ["Input.PrimarySpecialistId"] = "",
        ["Input.BackupSpecialistId"] = "",
        ["Input.NextAction"] = nextAction,
        ["Input.NextActionDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class ConcurrencySqliteTests(TrinnFactory app) : ConcurrencyTests(app), IClassFixture<TrinnFactory>;

public sealed class ConcurrencyPostgresTests(PostgresTrinnFactory app) : ConcurrencyTests(app), IClassFixture<PostgresTrinnFactory>;
