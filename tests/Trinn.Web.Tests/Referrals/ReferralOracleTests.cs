using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;

namespace Trinn.Web.Tests.Referrals;

/// <summary>
/// The duplicate check ("already in active follow-up in this team") never answers for a team the caller may not
/// register to, and never for a referral that would not be saved anyway: the answer for a followed-up person and for a
/// stranger is the same. API and page, on SQLite and PostgreSQL.
/// </summary>
public abstract class ReferralOracleTests(TrinnFactory app)
{
    private const string AlreadyActive = "Personen er allerede i aktiv oppfølging i dette teamet.";

    [Fact]
    public async Task Api_SpecialistProbesOtherTeam_SameAnswerForFollowedUpPersonAndStranger()
    {
        var (own, other, followedUp) = await TwoTeamsAsync();
        using var client = await BrowserClient.LoginAsync(app, own.Specialist.UserName!);

        var known = await ApiErrorsAsync(client, Referral(other.Team.Id, own.NavVeileder.Id, followedUp.NationalId));
        var stranger = await ApiErrorsAsync(client, Referral(other.Team.Id, own.NavVeileder.Id, TestData.SyntheticNationalId()));

        Assert.Equal(["teamId"], known.Keys);
        Assert.Equal(stranger, known);
        Assert.DoesNotContain(AlreadyActive, known.Values);
    }

    [Fact]
    public async Task Api_NavVeilederWithFutureDate_SameAnswerForFollowedUpPersonAndStranger()
    {
        var (own, _, _) = await TwoTeamsAsync();
        var followedUp = await app.Data.AddCandidateAsync(own.Team, own.NavVeileder);
        using var client = await BrowserClient.LoginAsync(app, own.NavVeileder.UserName!);
        var future = app.Data.Today.AddDays(3);
        var before = await app.Data.CountCandidatesAsync();

        var known = await ApiErrorsAsync(client, Referral(own.Team.Id, null, followedUp.NationalId, future));
        var stranger = await ApiErrorsAsync(client, Referral(own.Team.Id, null, TestData.SyntheticNationalId(), future));

        Assert.Equal(["referredOn"], known.Keys);
        Assert.Equal(stranger, known);
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task Api_NavVeilederValidReferralOfFollowedUpPerson_RefusedAndTheHitIsInTheCandidatesAccessLog()
    {
        var (own, _, _) = await TwoTeamsAsync();
        var followedUp = await app.Data.AddCandidateAsync(own.Team, own.NavVeileder);
        using var client = await BrowserClient.LoginAsync(app, own.NavVeileder.UserName!);

        var errors = await ApiErrorsAsync(client, Referral(own.Team.Id, null, followedUp.NationalId));

        Assert.Equal(AlreadyActive, errors["nationalId"]);
        var audit = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.CandidateId == followedUp.Id && e.EntityType == "ReferralDuplicateCheck").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(own.NavVeileder.Id, entry.UserId);
    }

    [Fact]
    public async Task Page_SpecialistProbesOtherTeam_OnlyTheTeamIsRefused()
    {
        var (own, other, followedUp) = await TwoTeamsAsync();
        using var client = await BrowserClient.LoginAsync(app, own.Specialist.UserName!);

        var known = await PageErrorsAsync(client, own, other.Team.Id, followedUp.NationalId, app.Data.Today.AddDays(-1));
        var stranger = await PageErrorsAsync(client, own, other.Team.Id, TestData.SyntheticNationalId(), app.Data.Today.AddDays(-1));

        Assert.Equal("Du kan bare registrere innsøkinger til ditt eget team.", known.TeamId);
        Assert.Null(known.NationalId);
        Assert.Equal(stranger, known);
    }

    [Fact]
    public async Task Page_NavVeilederWithFutureDate_NoAnswerAboutThePerson()
    {
        var (own, _, _) = await TwoTeamsAsync();
        var followedUp = await app.Data.AddCandidateAsync(own.Team, own.NavVeileder);
        using var client = await BrowserClient.LoginAsync(app, own.NavVeileder.UserName!);

        var known = await PageErrorsAsync(client, own, own.Team.Id, followedUp.NationalId, app.Data.Today.AddDays(3));
        var stranger = await PageErrorsAsync(client, own, own.Team.Id, TestData.SyntheticNationalId(), app.Data.Today.AddDays(3));

        Assert.Null(known.NationalId);
        Assert.Equal("Datoen kan ikke være fram i tid.", known.ReferredOn);
        Assert.Equal(stranger, known);
    }

    private async Task<(Staff Own, Staff Other, Candidate FollowedUp)> TwoTeamsAsync()
    {
        var own = await app.Data.AddTeamWithStaffAsync();
        var other = await app.Data.AddTeamWithStaffAsync();
        return (own, other, await app.Data.AddCandidateAsync(other.Team, other.NavVeileder));
    }

    private object Referral(int teamId, string? referredById, string nationalId, DateOnly? referredOn = null) => new
    {
        firstName = TestData.Unique("Probe"),
        lastName = TestData.Unique("Person"),
        nationalId,
        referredById,
        referredOn = referredOn ?? app.Data.Today.AddDays(-1),
        innsatsgruppe = "Situasjonsbestemt",
        reason = "Ønsker arbeid.",
        teamId,
    };

    private static async Task<Dictionary<string, string>> ApiErrorsAsync(BrowserClient client, object body)
    {
        using var response = await client.PostJsonAsync("/api/referrals", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }

    private static async Task<(string? TeamId, string? NationalId, string? ReferredOn)> PageErrorsAsync(
        BrowserClient client, Staff own, int teamId, string nationalId, DateOnly referredOn)
    {
        using var response = await client.SubmitAsync("/Referrals/New", new()
        {
            ["Input.FirstName"] = "Probe",
            ["Input.LastName"] = "Person",
            ["Input.NationalId"] = nationalId,
            ["Input.Phone"] = "",
            ["Input.Email"] = "",
            ["Input.Address"] = "",
            ["Input.ReferredById"] = own.NavVeileder.Id,
            ["Input.ReferredOn"] = referredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Innsatsgruppe"] = ((int)Innsatsgruppe.Situasjonsbestemt).ToString(CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Ønsker arbeid.",
            ["Input.TeamId"] = teamId.ToString(CultureInfo.InvariantCulture),
            ["Input.PrimarySpecialistId"] = "",
            ["Input.BackupSpecialistId"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        return (ResponseExtensions.FieldError(html, "Input_TeamId"), ResponseExtensions.FieldError(html, "Input_NationalId"), ResponseExtensions.FieldError(html, "Input_ReferredOn"));
    }
}

public sealed class ReferralOracleSqliteTests(TrinnFactory app) : ReferralOracleTests(app), IClassFixture<TrinnFactory>;

public sealed class ReferralOraclePostgresTests(PostgresTrinnFactory app) : ReferralOracleTests(app), IClassFixture<PostgresTrinnFactory>;
