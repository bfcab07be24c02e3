using System.Globalization;
using Trinn.Core.Candidates;
using Trinn.Core.Placements;
using Trinn.Web.Tests.Workplace;

namespace Trinn.Web.Tests.WorkingPractice;

/// <summary>Small builders for the way-of-working tests: a candidate with an agreement, referred by a chosen NAV-veileder; a paid job made through the page.</summary>
internal static class PracticeBuilders
{
    public static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Team A candidate of js1 in <paramref name="stage"/> since June 2026, referred by nav1, with the consents asked for.</summary>
    public static Task<Candidate> CandidateAsync(this AppFixture fx, int stage = 3, bool nav = true, bool health = false, string referrer = "nav1", int? team = null) =>
        fx.WithDbAsync(async db =>
        {
            var c = await db.AddCandidateAsync(team ?? fx.TeamA, fx.UserIds[team is null || team == fx.TeamA ? "js1" : "jsb"], stage, new DateOnly(2026, 6, 1));
            var referral = await db.Referrals.SingleAsync(r => r.CandidateId == c.Id);
            referral.ReferredById = fx.UserIds[referrer];
            db.CooperationAgreements.Add(new CooperationAgreement
            {
                CandidateId = c.Id,
                SignedOn = new DateOnly(2026, 6, 2),
                Agreed = "Samarbeid om jobb",
                ConsentEmployerContact = true,
                ConsentNavVeileder = nav,
                ConsentHealthAndNetwork = health,
            });
            await db.SaveChangesAsync();
            return c;
        });

    /// <summary>A paid job registered through the page (so the follow-up plan is made the real way); returns the placement id.</summary>
    public static async Task<(int PlacementId, int EmployerId)> PaidJobAsync(this AppFixture fx, HttpClient client, int candidateId, DateOnly start)
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var response = await AppFixture.PostFormAsync(client, $"/Placements/New/{candidateId}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = S((int)PlacementKind.Permanent),
            ["Input.Market"] = "1",
            ["Input.PositionPercent"] = "80",
            ["Input.StartDate"] = Iso(start),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await fx.WithDbAsync(db => db.Set<Placement>().Where(p => p.CandidateId == candidateId && p.EmployerId == employer.Id).Select(p => p.Id).SingleAsync());
        return (id, employer.Id);
    }

    public static Task<HttpResponseMessage> NoteAsync(HttpClient client, int candidateId, DateOnly date, JournalKind kind, string text, int minutes = 45) =>
        AppFixture.PostFormAsync(client, $"/Candidates/Journal/{candidateId}", new()
        {
            ["Input.Date"] = Iso(date),
            ["Input.Kind"] = S((int)kind),
            ["Input.Place"] = S((int)WorkPlace.OutOfOffice),
            ["Input.DurationMinutes"] = S(minutes),
            ["Input.Text"] = text,
        });

    /// <summary>The text of a field message under a field (id <c>{field}-error</c>).</summary>
    public static string? FieldError(string html, string fieldId) => Infrastructure.ResponseExtensions.FieldError(html, fieldId);
}
