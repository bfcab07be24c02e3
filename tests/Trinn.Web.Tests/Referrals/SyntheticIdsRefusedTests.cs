using System.Net.Http.Json;
using System.Text.Json;

namespace Trinn.Web.Tests.Referrals;

/// <summary>With <c>NationalIds:AllowSynthetic</c> off (the production default) a synthetic number is refused.</summary>
public sealed class SyntheticIdsRefusedTests(NoSyntheticIdsFactory app) : IClassFixture<NoSyntheticIdsFactory>
{
    private const string Message = "Syntetiske testnumre er ikke tillatt her.";

    [Fact]
    public async Task New_SyntheticNumberWhenNotAllowed_ShowsFieldMessageAndSavesNothing()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        using var response = await client.SubmitAsync("/Referrals/New", ReferralPageTests.Fields(staff));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Message, ResponseExtensions.FieldError(await response.HtmlAsync(), "Input_NationalId"));
        Assert.Equal(0, await app.Data.CountCandidatesAsync());
    }

    [Fact]
    public async Task PostReferral_SyntheticNumberWhenNotAllowed_Returns400UnderNationalId()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.NavVeileder.UserName!);

        using var response = await client.PostJsonAsync("/api/referrals", new
        {
            firstName = "Syntetisk",
            lastName = "Person",
            nationalId = TestData.SyntheticNationalId(),
            referredOn = app.Data.Today,
            innsatsgruppe = "Situasjonsbestemt",
            reason = "Ønsker arbeid.",
            teamId = staff.Team.Id,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Message, problem.GetProperty("errors").GetProperty("nationalId")[0].GetString());
        Assert.Equal(0, await app.Data.CountCandidatesAsync());
    }
}
