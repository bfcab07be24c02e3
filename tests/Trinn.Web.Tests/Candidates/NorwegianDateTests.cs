using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Trinn.Web.Tests.Referrals;

namespace Trinn.Web.Tests.Candidates;

/// <summary>
/// Dates are Norwegian dates: at 23:30 UTC it is already tomorrow in Oslo, and "today" in Oslo is not a date in
/// the future.
/// </summary>
public sealed class NorwegianDateTests(NorwegianDateTests.LateEveningUtcFactory app) : IClassFixture<NorwegianDateTests.LateEveningUtcFactory>
{
    [Fact]
    public async Task ReferralAndStageMove_OsloTodayWhileUtcIsStillYesterday_AreAccepted()
    {
        var utcDate = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var osloToday = app.Data.Today;
        Assert.Equal(utcDate.AddDays(1), osloToday);
        var staff = await app.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);
        var nationalId = TestData.SyntheticNationalId();

        using var referral = await client.SubmitAsync("/Referrals/New", ReferralPageTests.Fields(staff, nationalId, referredOn: osloToday));
        Assert.Equal(HttpStatusCode.Redirect, referral.StatusCode);
        var id = await app.Data.WithDbAsync(db => db.Candidates.Where(c => c.NationalIdHash == Trinn.Core.NationalIds.NationalIdProtector.Current.LookupHash(nationalId)).Select(c => c.Id).SingleAsync());

        using var move = await client.SubmitAsync($"/Candidates/Stage/{id}", StageAndDischargeTests.Move(2, osloToday, "Avtale signert"));

        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        var stored = await app.Data.LoadCandidateAsync(id);
        Assert.Equal(osloToday, stored.Referral!.ReferredOn);
        Assert.Equal(osloToday, stored.StageSince);
        Assert.Contains(osloToday.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), await client.GetHtmlAsync($"/Candidates/Details/{id}"), StringComparison.Ordinal);
    }

    public sealed class LateEveningUtcFactory : TrinnFactory
    {
        public LateEveningUtcFactory()
        {
            var utcToday = DateTime.UtcNow.Date;
            FakeTime = new FakeTimeProvider(new DateTimeOffset(utcToday.AddHours(23).AddMinutes(30), TimeSpan.Zero));
        }
    }
}
