using System.Globalization;
using Trinn.Core.Candidates;

namespace Trinn.Web.Tests.Referrals;

/// <summary>Registering a referral (innsøking) on /Referrals/New, on SQLite and on PostgreSQL.</summary>
public abstract class ReferralPageTests(TrinnFactory app)
{
    public static TheoryData<string, string> InvalidNationalIds() => new()
    {
        { NationalIdSamples.WrongControlDigit(), "Fødselsnummeret er ikke gyldig (kontrollsifrene stemmer ikke)." },
        { NationalIdSamples.InvalidDate(), "Fødselsnummeret inneholder ikke en gyldig dato." },
        { NationalIdSamples.TenDigits(), "Fødselsnummeret må ha 11 siffer." },
    };

    [Theory]
    [MemberData(nameof(InvalidNationalIds))]
    public async Task New_InvalidNationalId_ShowsNorwegianFieldMessageAndSavesNothing(string nationalId, string message)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var before = await app.Data.CountCandidatesAsync();

        using var response = await client.SubmitAsync("/Referrals/New", Fields(staff, nationalId: nationalId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_NationalId"));
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task New_ValidReferral_CreatesCandidateInStage1WithReferral()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var nationalId = TestData.SyntheticNationalId();
        var referredOn = app.Data.Today.AddDays(-2);

        using var response = await client.SubmitAsync("/Referrals/New", Fields(staff, nationalId: nationalId, referredOn: referredOn));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var candidate = await app.Data.WithDbAsync(db => db.Candidates.AsNoTracking()
            .Include(c => c.Referral).Include(c => c.StageChanges).SingleAsync(c => c.NationalIdHash == Trinn.Core.NationalIds.NationalIdProtector.Current.LookupHash(nationalId)));
        Assert.Equal($"/Candidates/Details/{candidate.Id}", response.RedirectPath());
        Assert.Equal(staff.Team.Id, candidate.TeamId);
        Assert.Equal(1, candidate.Stage);
        Assert.Equal(referredOn, candidate.StageSince);
        Assert.Equal(staff.Specialist.Id, candidate.PrimarySpecialistId);
        Assert.NotNull(candidate.Referral);
        Assert.Equal(staff.NavVeileder.Id, candidate.Referral.ReferredById);
        Assert.Equal(staff.Specialist.Id, candidate.Referral.RegisteredById);
        Assert.Equal(referredOn, candidate.Referral.ReferredOn);
        Assert.Equal(Innsatsgruppe.SpesieltTilpasset, candidate.Referral.Innsatsgruppe);
        var start = Assert.Single(candidate.StageChanges);
        Assert.Null(start.FromStage);
        Assert.Equal(1, start.ToStage);
    }

    [Fact]
    public async Task New_ByNavVeileder_IsReferredByThemAndShownInTheirList()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.NavVeileder.UserName!);
        var fields = Fields(staff);
        fields.Remove("Input.ReferredById");
        fields.Remove("Input.PrimarySpecialistId");

        using var response = await client.SubmitAsync("/Referrals/New", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Referrals/Mine", response.RedirectPath());
        var referral = await app.Data.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Candidate!.FirstName == fields["Input.FirstName"]));
        Assert.Equal(staff.NavVeileder.Id, referral.ReferredById);
        Assert.Contains(fields["Input.FirstName"], await client.GetHtmlAsync("/Referrals/Mine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mine_NavVeileder_ShowsOnlyOwnReferralsAndTheirStatus()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var otherVeileder = await app.Data.AddUserAsync(Core.Identity.Roles.NavVeileder);
        var awaiting = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder);
        var active = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        var others = await app.Data.AddCandidateAsync(staff.Team, otherVeileder, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.NavVeileder.UserName!);

        var html = await client.GetHtmlAsync("/Referrals/Mine");

        Assert.Contains(awaiting.LastName, html, StringComparison.Ordinal);
        Assert.Contains(active.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(others.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(awaiting.NationalId, html, StringComparison.Ordinal);
        Assert.DoesNotContain(active.NationalId, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_FutureReferralDate_ShowsFieldMessageAndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var before = await app.Data.CountCandidatesAsync();

        using var response = await client.SubmitAsync("/Referrals/New", Fields(staff, referredOn: app.Data.Today.AddDays(1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Datoen kan ikke være fram i tid.", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_ReferredOn"));
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task New_MissingRequiredFields_ShowsFieldMessagesAndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var before = await app.Data.CountCandidatesAsync();
        var fields = Fields(staff);
        fields["Input.FirstName"] = "";
        fields["Input.LastName"] = " ";
        fields["Input.NationalId"] = "";
        fields["Input.Reason"] = "";
        fields["Input.Innsatsgruppe"] = "";

        using var response = await client.SubmitAsync("/Referrals/New", fields);

        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fyll ut Fornavn.", ResponseExtensions.FieldError(html, "Input_FirstName"));
        Assert.Equal("Fyll ut Etternavn.", ResponseExtensions.FieldError(html, "Input_LastName"));
        Assert.Equal("Fyll ut Fødselsnummer eller D-nummer.", ResponseExtensions.FieldError(html, "Input_NationalId"));
        Assert.Equal("Fyll ut Begrunnelse for innsøking.", ResponseExtensions.FieldError(html, "Input_Reason"));
        Assert.Equal("Fyll ut Innsatsgruppe.", ResponseExtensions.FieldError(html, "Input_Innsatsgruppe"));
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task New_TooLongFields_ShowsMaxLengthMessagesAndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var before = await app.Data.CountCandidatesAsync();
        var fields = Fields(staff);
        fields["Input.FirstName"] = new string('a', Candidate.NameMaxLength + 1);
        fields["Input.Reason"] = new string('b', Referral.ReasonMaxLength + 1);
        fields["Input.Phone"] = new string('9', 31);

        using var response = await client.SubmitAsync("/Referrals/New", fields);

        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fornavn kan ha høyst 100 tegn.", ResponseExtensions.FieldError(html, "Input_FirstName"));
        Assert.Equal("Begrunnelse for innsøking kan ha høyst 2000 tegn.", ResponseExtensions.FieldError(html, "Input_Reason"));
        Assert.Equal("Telefon kan ha høyst 30 tegn.", ResponseExtensions.FieldError(html, "Input_Phone"));
        Assert.Equal(before, await app.Data.CountCandidatesAsync());
    }

    internal static Dictionary<string, string> Fields(Staff staff, string? nationalId = null, DateOnly? referredOn = null) => new()
    {
        ["Input.FirstName"] = TestData.Unique("Kari"),
        ["Input.LastName"] = TestData.Unique("Test"),
        ["Input.NationalId"] = nationalId ?? TestData.SyntheticNationalId(),
        ["Input.Phone"] = "40000001",
        ["Input.Email"] = "kandidat@eksempel.no",
        ["Input.Address"] = "Eksempelveien 1",
        ["Input.ReferredById"] = staff.NavVeileder.Id,
        ["Input.ReferredOn"] = (referredOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Innsatsgruppe"] = ((int)Innsatsgruppe.SpesieltTilpasset).ToString(CultureInfo.InvariantCulture),
        ["Input.Reason"] = "Ønsker hjelp til å komme i arbeid.",
        ["Input.TeamId"] = staff.Team.Id.ToString(CultureInfo.InvariantCulture),
        ["Input.PrimarySpecialistId"] = staff.Specialist.Id,
        ["Input.BackupSpecialistId"] = "",
    };
}

public sealed class ReferralPageSqliteTests(TrinnFactory app) : ReferralPageTests(app), IClassFixture<TrinnFactory>;

public sealed class ReferralPagePostgresTests(PostgresTrinnFactory app) : ReferralPageTests(app), IClassFixture<PostgresTrinnFactory>;
