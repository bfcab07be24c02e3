using System.Globalization;
using Trinn.Core.Employers;

namespace Trinn.Web.Tests.Candidates;

/// <summary>
/// The cooperation agreement's consents where they apply (docs/adr/consent-flags.md): an employer contact about a
/// candidate needs the employer-contact consent (new and edit), and the referring NAV-veileder sees the candidate's stage
/// only with the NAV-veileder consent. SQLite and PostgreSQL.
/// </summary>
public abstract class ConsentFlagTests(TrinnFactory app)
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<(Staff Staff, Employer Employer, BrowserClient Client)> SceneAsync()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var employer = await app.Data.WithDbAsync(db => Workplace.Builders.AddEmployerAsync(db, staff.Team.Id));
        return (staff, employer, await BrowserClient.LoginAsync(app, staff.Specialist.UserName!));
    }

    private Dictionary<string, string> ContactFields(params int[] candidateIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = app.Data.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Kind"] = S((int)EmployerContactKind.Visit),
            ["Input.Purpose"] = S((int)EmployerContactPurpose.PresentCandidate),
            ["Input.DurationMinutes"] = "30",
            ["Input.Note"] = TestData.Unique("Presenterte "),
        };
        if (candidateIds.Length > 0)
        {
            // Several checked boxes post the same name; FormUrlEncodedContent needs one key, so post the first here.
            fields["Input.CandidateIds"] = S(candidateIds[0]);
        }

        return fields;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ContactNew_CandidateWithoutEmployerContactConsent_RefusedNamingTheCandidateAndNothingSaved(bool agreementWithoutConsent)
    {
        var (staff, employer, client) = await SceneAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        if (agreementWithoutConsent)
        {
            await app.Data.AddAgreementAsync(candidate.Id, employerContact: false, navVeileder: true, research: true);
        }

        var form = await client.GetFormAsync($"/Employers/Contact/{employer.Id}");
        using var response = await client.PostFormAsync(form, ContactFields(candidate.Id));

        Assert.Contains($"data-no-consent=\"{candidate.Id}\"", form.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_CandidateIds");
        Assert.Equal(
            $"{candidate.FirstName} {candidate.LastName} har ikke samtykket til at jobbspesialisten snakker med arbeidsgivere om seg. Fjern krysset, eller registrer samtykket i samarbeidsavtalen først.",
            message);
        Assert.False(await app.Data.WithDbAsync(db => db.Set<EmployerContact>().AnyAsync(c => c.EmployerId == employer.Id)));
    }

    [Fact]
    public async Task ContactNew_CandidateWithEmployerContactConsent_SavedWithTheLink()
    {
        var (staff, employer, client) = await SceneAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(candidate.Id, employerContact: true);

        var form = await client.GetFormAsync($"/Employers/Contact/{employer.Id}");
        using var response = await client.PostFormAsync(form, ContactFields(candidate.Id));

        Assert.DoesNotContain($"data-no-consent=\"{candidate.Id}\"", form.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var links = await app.Data.WithDbAsync(db => db.Set<EmployerContact>().Where(c => c.EmployerId == employer.Id).SelectMany(c => c.Candidates.Select(l => l.CandidateId)).ToListAsync());
        Assert.Equal([candidate.Id], links);
    }

    [Fact]
    public async Task ContactNew_WithoutCandidates_NeedsNoConsent()
    {
        var (_, employer, client) = await SceneAsync();

        using var response = await client.SubmitAsync($"/Employers/Contact/{employer.Id}", ContactFields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.Data.WithDbAsync(db => db.Set<EmployerContact>().AnyAsync(c => c.EmployerId == employer.Id)));
    }

    [Fact]
    public async Task ContactEdit_AddingCandidateWithoutConsent_RefusedAndContactUnchanged()
    {
        var (staff, employer, client) = await SceneAsync();
        var consenting = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(consenting.Id, employerContact: true);
        var refusing = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(refusing.Id, employerContact: false);
        (await client.SubmitAsync($"/Employers/Contact/{employer.Id}", ContactFields(consenting.Id))).Dispose();
        var contact = await app.Data.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().SingleAsync(c => c.EmployerId == employer.Id));

        var form = await client.GetFormAsync($"/Employers/ContactEdit/{contact.Id}");
        using var response = await client.PostFormAsync(form, new Dictionary<string, string>(ContactFields(refusing.Id)) { ["Input.DurationMinutes"] = "90" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"{refusing.FirstName} {refusing.LastName} har ikke samtykket", ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_CandidateIds"), StringComparison.Ordinal);
        var stored = await app.Data.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().Include(c => c.Candidates).SingleAsync(c => c.Id == contact.Id));
        Assert.Equal((30, contact.Version), (stored.DurationMinutes, stored.Version));
        Assert.Equal([consenting.Id], stored.Candidates.Select(l => l.CandidateId));
    }

    [Fact]
    public async Task ContactEdit_LinkedCandidateWithdrewConsentLater_OldContactCanStillBeCorrected()
    {
        var (staff, employer, client) = await SceneAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(candidate.Id, employerContact: true);
        (await client.SubmitAsync($"/Employers/Contact/{employer.Id}", ContactFields(candidate.Id))).Dispose();
        var contact = await app.Data.WithDbAsync(db => db.Set<EmployerContact>().AsNoTracking().SingleAsync(c => c.EmployerId == employer.Id));
        await app.Data.WithDbAsync(async db =>
        {
            var agreement = await db.CooperationAgreements.SingleAsync(a => a.CandidateId == candidate.Id);
            agreement.ConsentEmployerContact = false;
            return await db.SaveChangesAsync();
        });

        using var response = await client.SubmitAsync(
            $"/Employers/ContactEdit/{contact.Id}", new Dictionary<string, string>(ContactFields(candidate.Id)) { ["Input.DurationMinutes"] = "50" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(50, await app.Data.WithDbAsync(db => db.Set<EmployerContact>().Where(c => c.Id == contact.Id).Select(c => c.DurationMinutes).SingleAsync()));
    }

    [Fact]
    public async Task MyReferrals_StageShownToTheVeilederOnlyWithTheNavVeilederConsent()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var sharing = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(sharing.Id, navVeileder: true);
        var notSharing = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 4, specialist: staff.Specialist);
        await app.Data.AddAgreementAsync(notSharing.Id, employerContact: true, research: true);
        var noAgreement = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        using var veileder = await BrowserClient.LoginAsync(app, staff.NavVeileder.UserName!);

        var html = await veileder.GetHtmlAsync("/Referrals/Mine");

        Assert.Equal("I oppfølging, trinn 3", StatusOf(html, sharing.LastName));
        const string Hidden = "I oppfølging (trinn vises ikke: kandidaten har ikke samtykket til at opplysninger utveksles med NAV-veilederen)";
        Assert.Equal(Hidden, StatusOf(html, notSharing.LastName));
        Assert.Equal(Hidden, StatusOf(html, noAgreement.LastName));
    }

    /// <summary>The status cell of the row that names the candidate.</summary>
    private static string StatusOf(string html, string lastName)
    {
        var row = html[html.IndexOf(lastName, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var cell = row[(row.LastIndexOf("<td", StringComparison.Ordinal) + 3)..];
        return cell[(cell.IndexOf('>', StringComparison.Ordinal) + 1)..cell.IndexOf("</td>", StringComparison.Ordinal)].Trim();
    }
}

public sealed class ConsentFlagSqliteTests(TrinnFactory app) : ConsentFlagTests(app), IClassFixture<TrinnFactory>;

public sealed class ConsentFlagPostgresTests(PostgresTrinnFactory app) : ConsentFlagTests(app), IClassFixture<PostgresTrinnFactory>;
