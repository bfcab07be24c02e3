namespace Trinn.Web.Tests.Fidelity;

/// <summary>Every fidelity route for every role: who gets the page, who is refused, and who finds nothing (404).</summary>
[Collection(FidelityWebTests.Name)]
public sealed class FidelityAuthorizationTests(FidelityWebFactory factory)
{
    private enum Outcome
    {
        Ok,
        NotFound,
        Denied,
    }

    private static readonly Dictionary<int, int[]> SomeAnswers = new() { [1] = [5], [2] = [3], [7] = [1, 2] };

    [Fact]
    public async Task EveryRoute_EveryRole_GetsOnlyWhatTheRoleAllows()
    {
        var round1 = await factory.AddRoundAsync(factory.Team1);
        var round2 = await factory.AddRoundAsync(factory.Team2);
        var shared1 = await factory.AddResponseAsync(round1, "js1", SomeAnswers, shared: true);
        var unshared1 = await factory.AddResponseAsync(round1, "js2", SomeAnswers, shared: false);
        var shared2 = await factory.AddResponseAsync(round2, "js3", SomeAnswers, shared: true);

        var routes = new (string Route, Dictionary<string, Outcome> Expected)[]
        {
            ("/Fidelity", Expect(ok: ["js1", "mv1", "js3", "leder1", "forsker1"], denied: ["nav1", "admin1"])),
            ("/Fidelity/Table", Expect(ok: ["js1", "mv1", "js3", "leder1", "forsker1"], denied: ["nav1", "admin1"])),
            ("/Fidelity/New", Expect(ok: ["mv1"], denied: ["js1", "js3", "nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Results/{round1}", Expect(ok: ["js1", "mv1", "leder1", "forsker1"], notFound: ["js3"], denied: ["nav1", "admin1"])),
            ($"/Fidelity/Results/{round2}", Expect(ok: ["js3", "leder1", "forsker1"], notFound: ["js1", "mv1"], denied: ["nav1", "admin1"])),
            ($"/Fidelity/Answer/{round1}", Expect(ok: ["js1", "mv1"], notFound: ["js3"], denied: ["nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Answer/{round2}", Expect(ok: ["js3"], notFound: ["js1", "mv1"], denied: ["nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Status/{round1}", Expect(ok: ["mv1"], notFound: [], denied: ["js1", "js3", "nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Status/{round2}", Expect(ok: [], notFound: ["mv1"], denied: ["js1", "js3", "nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Shared/{shared1}", Expect(ok: ["mv1"], denied: ["js1", "js3", "nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Shared/{unshared1}", Expect(ok: [], notFound: ["mv1"], denied: ["js1", "js3", "nav1", "leder1", "forsker1", "admin1"])),
            ($"/Fidelity/Shared/{shared2}", Expect(ok: [], notFound: ["mv1"], denied: ["js1", "js3", "nav1", "leder1", "forsker1", "admin1"])),
        };

        var failures = new List<string>();
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var user in new[] { "js1", "mv1", "js3", "nav1", "leder1", "forsker1", "admin1" })
        {
            var client = await factory.LoginAsync(user);
            foreach (var (route, expected) in routes)
            {
                var (status, _, location) = await client.FetchAsync(route);
                var actual = status switch
                {
                    HttpStatusCode.OK => "Ok",
                    HttpStatusCode.NotFound => "NotFound",
                    HttpStatusCode.Redirect when location?.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true => "Denied",
                    HttpStatusCode.Continue or HttpStatusCode.SwitchingProtocols or HttpStatusCode.Processing or HttpStatusCode.EarlyHints or HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.NonAuthoritativeInformation or HttpStatusCode.NoContent or HttpStatusCode.ResetContent or HttpStatusCode.PartialContent or HttpStatusCode.MultiStatus or HttpStatusCode.AlreadyReported or HttpStatusCode.IMUsed or HttpStatusCode.Ambiguous or HttpStatusCode.Moved or HttpStatusCode.RedirectMethod or HttpStatusCode.NotModified or HttpStatusCode.UseProxy or HttpStatusCode.Unused or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.PermanentRedirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotAcceptable or HttpStatusCode.ProxyAuthenticationRequired or HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.Gone or HttpStatusCode.LengthRequired or HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.RequestUriTooLong or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.RequestedRangeNotSatisfiable or HttpStatusCode.ExpectationFailed or HttpStatusCode.MisdirectedRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Locked or HttpStatusCode.FailedDependency or HttpStatusCode.UpgradeRequired or HttpStatusCode.PreconditionRequired or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestHeaderFieldsTooLarge or HttpStatusCode.UnavailableForLegalReasons or HttpStatusCode.InternalServerError or HttpStatusCode.NotImplemented or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.HttpVersionNotSupported or HttpStatusCode.VariantAlsoNegotiates or HttpStatusCode.InsufficientStorage or HttpStatusCode.LoopDetected or HttpStatusCode.NotExtended or HttpStatusCode.NetworkAuthenticationRequired or _ => $"{(int)status} {location}",
                };
                if (actual != expected[user].ToString())
                {
                    failures.Add($"{user} GET {route}: expected {expected[user]}, got {actual}");
                }
            }
        }

        foreach (var (route, _) in routes)
        {
            var (status, _, location) = await anonymous.FetchAsync(route);
            if (status != HttpStatusCode.Redirect || location?.Contains("/Account/Login", StringComparison.Ordinal) != true)
            {
                failures.Add($"anonymous GET {route}: expected a redirect to login, got {(int)status} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AnswerPost_OtherTeamsRound_IsNotFoundAndStoresNothing()
    {
        var round2 = await factory.AddRoundAsync(factory.Team2);
        var js1 = await factory.LoginAsync("js1");
        var own = await factory.AddRoundAsync(factory.Team1);
        // The answer form of the user's own round, posted to the other team's round.
        var form = await js1.GetFormAsync($"/Fidelity/Answer/{own}");
        var response = await js1.PostFormAsync(
            form,
            new Dictionary<string, string> { ["version"] = "0", ["a.item1"] = "5" },
            $"/Fidelity/Answer/{round2}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await factory.FindResponseAsync(round2, "js1"));
    }

    [Fact]
    public async Task NewRoundPost_Jobbspesialist_IsRefusedAndOpensNothing()
    {
        var js1 = await factory.LoginAsync("js1");
        // A jobbspesialist has no form for a new round: the user's own token (the sign-out form's) is posted there.
        var signOut = await js1.GetFormAsync("/Fidelity", "/Account/Logout");
        var response = await js1.PostFormAsync(
            signOut,
            new Dictionary<string, string>
            {
                ["Input.Label"] = "Ulovlig",
                ["Input.OpensOn"] = factory.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Input.ClosesOn"] = factory.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            "/Fidelity/New");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        var mv1 = await factory.LoginAsync("mv1");
        Assert.DoesNotContain("Ulovlig", await mv1.GetStringAsync("/Fidelity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerPage_AnotherSpecialistsAnswers_AreNeverShown()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        // js1 shares with the metodeveileder; that must not make the answers visible to a colleague.
        await factory.AddResponseAsync(round, "js1", new() { [12] = [2] }, shared: true);
        var js2 = await factory.LoginAsync("js2");

        var page = await js2.GetStringAsync($"/Fidelity/Answer/{round}");

        Assert.Contains("name=\"a.item12\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, Outcome> Expect(string[] ok, string[]? notFound = null, string[]? denied = null)
    {
        var expected = new Dictionary<string, Outcome>();
        foreach (var u in ok)
        {
            expected[u] = Outcome.Ok;
        }

        foreach (var u in notFound ?? [])
        {
            expected[u] = Outcome.NotFound;
        }

        foreach (var u in denied ?? [])
        {
            expected[u] = Outcome.Denied;
        }

        return expected;
    }
}
