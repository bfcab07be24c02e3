using System.Globalization;
using System.Text;
using System.Text.Json;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Research;

/// <summary>
/// The forsker's analysis and power pages through HTTP: who may use them, uploads and their field messages, the
/// rendered numbers and APA sentences of known cases, small-cell suppression, and the JSON download.
/// </summary>
public sealed class ResearchPageTests(ResearchApp app) : IClassFixture<ResearchApp>
{
    /// <summary>
    /// Two time points for five people, built so the paired test has hand-derivable results: t0 = 7, 9, 6, 8, 5
    /// (mean 7, SD √2.5 = 1.581), t3 = 6.5, 6.5, 5.5, 5.5, 3.5 (mean 5.5, SD √1.5 = 1.225), differences t0 − t3 =
    /// 0.5, 2.5, 0.5, 2.5, 1.5 (mean 1.5, SD 1). So t = 1.5/(1/√5) = 3.354, F = t² = 11.25 on (1, 4), Wilks' Λ =
    /// 4/(4 + 11.25) = 0.2623, multivariate partial η² = 1 − Λ = 0.7377, and with the closed form of the t(4) CDF,
    /// p = 2·(1 − (1/2 + (3/8)·u·(1 − t²/(12(1 + t²/4))))) with u = t/√(1 + t²/4), = 0.0284602. The 95 % CI of the
    /// difference is 1.5 ± 2.7764·0.4472 = [0.258, 2.742]. The same shape as the report's self-efficacy result
    /// (F(1, 4) = 11.663, Λ = 0.26, p = .027), whose raw data are not published.
    /// </summary>
    private const string TimeCsv = "id,t0,t3,grp,sex\n1,7,6.5,1,1\n2,9,6.5,1,2\n3,6,5.5,2,1\n4,8,5.5,2,2\n5,5,3.5,2,1\n";

    public static TheoryData<string> OtherRoles() => [Roles.Jobbspesialist, Roles.Metodeveileder, Roles.NavVeileder, Roles.Leder, Roles.Admin];

    [Theory]
    [InlineData("/Research")]
    [InlineData("/Research/Power")]
    public async Task Forsker_OpensPage_Ok(string path)
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var html = await client.HtmlAsync(path);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Research\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task OtherRole_OpensResearchPages_RedirectedToAccessDenied(string role)
    {
        using var client = await app.LoginAsync(role);
        foreach (var path in new[] { "/Research", "/Research/Power", "/Research?handler=Json&Input.Analysis=descriptives" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/Research\"", await client.HtmlAsync("/Account/Profile"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRole_UploadsFile_Refused()
    {
        using var client = await app.LoginAsync(Roles.Leder);
        // A leder has no upload form: the user's own token (the sign-out form's) goes with the forged upload.
        var token = (await client.Http.GetFormAsync("/Account/Profile", "/Account/Logout")).Token;
        using var form = new MultipartFormDataContent { { new StringContent("a\n1\n"), "DataFile", "x.csv" }, { new StringContent(token), "__RequestVerificationToken" } };
        using var response = await client.Http.PostAsync(new Uri("/Research?handler=Upload", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Research")]
    [InlineData("/Research/Power")]
    public async Task Anonymous_OpensPage_RedirectedToLogin(string path)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedMeasures_KnownCase_Table3AndApaSentence()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(TimeCsv);
        var html = await client.RunAsync(dataset, "rm_anova_oneway_within", ("Input.Variables", "t0"), ("Input.Variables", "t3"), ("Input.Subject", "id"));

        var rows = ResearchClient.Rows(html, "table3");
        Assert.Equal(["t0, t3 (n = 5)", "t0", "7,00 (1,58)", "11,250 (1, 4)", ",028", "0,262", "0,738"], rows[1]);
        Assert.Equal(["t3", "5,50 (1,22)"], rows[2]);
        var sentences = Sentences(html);
        Assert.Equal("Det var en signifikant effekt av tid, Wilks' Λ = 0,26, F(1, 4) = 11,25, p = ,028, multivariat partiell η² = 0,74.", sentences[0]);
        Assert.Equal("Univariat test med antatt sfærisitet: F(1, 4) = 11,25, p = ,028, partiell η² = 0,74.", sentences[1]);
        Assert.Contains(ResearchClient.Rows(html, "multivariate"), r => r.SequenceEqual(["Wilks' lambda", "0,262", "11,250", "1", "4", ",028", "0,738"]));
    }

    [Theory]
    [InlineData("6,7,,1,1\n", "Brukt: 5 personer med verdi på alle tidspunkter; 1 tatt ut fordi vedkommende mangler et tidspunkt.")]
    [InlineData("6,7,,1,1\n7,,6,2,2\n", "Brukt: 5 personer med verdi på alle tidspunkter; 2 tatt ut fordi de mangler et tidspunkt.")]
    public async Task RepeatedMeasures_PeopleMissingATimePoint_NoteCountsThemInSingularOrPlural(string missing, string expected)
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(TimeCsv + missing);
        var html = await client.RunAsync(dataset, "rm_anova_oneway_within", ("Input.Variables", "t0"), ("Input.Variables", "t3"), ("Input.Subject", "id"));

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedMeasures_Label_NamesWhatWasMeasured()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(TimeCsv);
        var html = await client.RunAsync(dataset, "rm_anova_oneway_within", ("Input.Variables", "t0"), ("Input.Variables", "t3"), ("Input.Label", "jobbrelatert mestringstro"));
        Assert.StartsWith("Det var en signifikant effekt av tid på jobbrelatert mestringstro, Wilks' Λ = 0,26", Sentences(html)[0], StringComparison.Ordinal);
        Assert.StartsWith("jobbrelatert mestringstro (n = 5)", ResearchClient.Rows(html, "table3")[1][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairedT_KnownCase_SpssTableAndApaSentence()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(TimeCsv);
        var html = await client.RunAsync(dataset, "t_test_paired", ("Input.Variable1", "t0"), ("Input.Variable2", "t3"));

        Assert.Equal("Gjennomsnittet var signifikant høyere for t0 (M = 7,00, SD = 1,58) enn for t3 (M = 5,50, SD = 1,22), t(4) = 3,35, p = ,028, d = 1,50, 95 % KI [0,26; 2,74].", Sentences(html)[0]);
        Assert.Equal(["t0 − t3", "1,500", "1,000", "0,447", "0,258", "2,742", "3,354", "4", ",028"], ResearchClient.Rows(html, "paired-t")[2]);
    }

    [Fact]
    public async Task IndependentT_EqualSpreads_LeveneRowAndBothVarianceRows()
    {
        // Groups 1, 2, 3 and 4, 5, 6: mean difference −3, pooled SD 1, SE √(2/3), t = −3.674 on 4 df; the absolute
        // deviations are the same in both groups, so Levene's F = 0 and p = 1.
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync("g,v\n1,1\n1,2\n1,3\n2,4\n2,5\n2,6\n");
        var html = await client.RunAsync(dataset, "t_test_independent", ("Input.Group", "g"), ("Input.Value", "v"));

        var rows = ResearchClient.Rows(html, "independent-t");
        Assert.Equal(["Lik varians antatt", "0,000", "> ,999", "-3,674", "4", ",021", "-3,000", "0,816", "-5,267", "-0,733"], rows[2]);
        Assert.Equal("Lik varians ikke antatt", rows[3][0]);
        Assert.Equal("", rows[3][1]);
        Assert.Equal("4,000", rows[3][4]);
        Assert.StartsWith("v var signifikant lavere i gruppe 1 (n = 3, M = 2,00, SD = 1,00) enn i gruppe 2 (n = 3, M = 5,00, SD = 1,00), t(4) = -3,67, p = ,021, d = -3,00", Sentences(html)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupTable_SmallCells_SuppressedWithComplements()
    {
        // Group 1: eight people, sex 1 × 5 and 2 × 3; group 2: six people, sex 1 × 6. Sex 2 has 3 people in group 1 and in
        // the whole sample, both below 5 and shown as "<5". Group 1's n = 8 and the whole sample's 14 are shown, so the
        // 5 and the 11 above them would give the hidden 3s away: they are hidden as complements and shown as ":".
        // Ages: group 1 mean 30 (SD 2), group 2 mean 40 (SD √2).
        var csv = new StringBuilder("grp,sex,age\n");
        foreach (var (g, s, a) in new[] { (1, 1, 28), (1, 1, 32), (1, 1, 30), (1, 1, 29), (1, 1, 31), (1, 2, 30), (1, 2, 27), (1, 2, 33), (2, 1, 40), (2, 1, 38), (2, 1, 42), (2, 1, 41), (2, 1, 39), (2, 1, 40) })
        {
            csv.Append(CultureInfo.InvariantCulture, $"{g},{s},{a}\n");
        }

        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(csv.ToString());
        var html = await client.RunAsync(dataset, "group_table", ("Input.Group", "grp"), ("Input.Variables", "sex"), ("Input.Continuous", "age"));

        var rows = ResearchClient.Rows(html, "table2");
        Assert.Equal(["", "Hele utvalget (n=14)", "grp = 1 (n=8)", "grp = 2 (n=6)"], rows[0]);
        Assert.Equal(["sex"], rows[2]);
        Assert.Equal(["1", ":", "–", ":", "–", "6", "100,0"], rows[3]);
        Assert.Equal(["2", "<5", "–", "<5", "–", "0", "0,0"], rows[4]);
        Assert.Equal(["age, gjennomsnitt (SD)", "34,29 (5,41)", "30,00 (2,00)", "40,00 (1,41)"], rows[5]);
    }

    [Fact]
    public async Task GroupTable_GroupBelowFive_HidesItsSizeAndMean()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync("grp,age\n1,20\n1,22\n1,24\n1,26\n1,28\n2,50\n2,52\n");
        var rows = ResearchClient.Rows(await client.RunAsync(dataset, "group_table", ("Input.Group", "grp"), ("Input.Continuous", "age")), "table2");
        Assert.Equal(["", "Hele utvalget (n=7)", "grp = 1 (n=5)", "grp = 2 (n<5)"], rows[0]);
        Assert.Equal(["age, gjennomsnitt (SD)", "31,71 (13,44)", "24,00 (3,16)", "n<5"], rows[2]);
    }

    [Fact]
    public async Task Crosstabs_SmallCells_ShownAsBelowFive()
    {
        var csv = new StringBuilder("a,b\n");
        foreach (var (a, b, n) in new[] { (1, 1, 10), (1, 2, 2), (2, 1, 8), (2, 2, 9) })
        {
            for (var i = 0; i < n; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{a},{b}\n");
            }
        }

        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(csv.ToString());
        var html = await client.RunAsync(dataset, "crosstabs", ("Input.Variable1", "a"), ("Input.Variable2", "b"));
        var rows = ResearchClient.Rows(html, "crosstab");
        Assert.Equal(["1", ":", "<5", "12"], rows[2]);
        Assert.Equal(["2", ":", ":", "17"], rows[3]);
        Assert.Contains("Fishers eksakte test (tosidig): p = ", string.Join(" ", Sentences(html)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonNumericCell_FieldMessageNamesLineAndColumn()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync("a,b\n1,2\n3,x7\n");
        var html = await client.RunAsync(dataset, "descriptives", ("Input.Variables", "b"));
        Assert.StartsWith("Linje 3, kolonne «b»: «x7» er ikke et tall.", ResearchClient.FieldError(html, "Input_Variables"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"result\"", html, StringComparison.Ordinal);

        // The bad cell is in b only: a runs.
        Assert.Contains("data-testid=\"descriptives\"", await client.RunAsync(dataset, "descriptives", ("Input.Variables", "a")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownColumn_FieldMessage()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync("a,b\n1,2\n");
        var html = await client.RunAsync(dataset, "t_test_paired", ("Input.Variable1", "a"), ("Input.Variable2", "zz"));
        Assert.Equal("Kolonnen «zz» finnes ikke i filen. Last opp filen på nytt hvis du har endret den.", ResearchClient.FieldError(html, "Input_Variable2"));
    }

    [Theory]
    [InlineData("", "Velg en CSV-fil. Filen du valgte, er tom.")]
    [InlineData("a,b\n1,2\n3\n", "Linje 3 har 1 felt, men overskriftsraden har 2.")]
    [InlineData("a;b\n1;2\n", "Filen ser ut til å bruke semikolon")]
    [InlineData("a,a\n1,2\n", "Kolonnenavnet «a» finnes to ganger")]
    [InlineData("\n1,2\n", "Filen har ingen overskriftsrad.")]
    [InlineData("a,b\n", "Filen har en overskriftsrad, men ingen rader med data.")]
    public async Task BadFile_FieldMessage(string csv, string message)
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        using var response = await client.UploadAsync(csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(message, ResearchClient.FieldError(html, "DataFile"), StringComparison.Ordinal);
        Assert.Contains("href=\"#DataFile\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotUtf8File_FieldMessage()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        using var response = await client.UploadAsync(Encoding.Latin1.GetBytes("kjønn,alder\n1,30\n"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Filen er ikke lagret som UTF-8.", ResearchClient.FieldError(html, "DataFile"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLargeFile_FieldMessage()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var big = new byte[(5 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'1');
        using var response = await client.UploadAsync(big);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal("Filen er for stor. Største tillatte størrelse er 5 MB.", ResearchClient.FieldError(html, "DataFile"));
    }

    [Fact]
    public async Task JsonDownload_FullPrecisionAndRequest()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var dataset = await client.UploadOkAsync(TimeCsv);
        using var response = await client.GetAsync($"/Research?Input.Analysis=rm_anova_oneway_within&Input.Dataset={dataset}&Input.Run=true&Input.Variables=t0&Input.Variables=t3&handler=Json");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var wilks = json.RootElement.GetProperty("result").GetProperty("multivariate").GetProperty("wilks_lambda");
        Assert.Equal(4 / 15.25, wilks.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(11.25 / 15.25, wilks.GetProperty("partial_eta_squared").GetDouble(), 1e-12);
        Assert.Equal(0.0284602032543384, wilks.GetProperty("p").GetDouble(), 1e-12);
        Assert.Equal("rm_anova_oneway_within", json.RootElement.GetProperty("request").GetProperty("analysis").GetString());
        Assert.Equal("data.csv", json.RootElement.GetProperty("request").GetProperty("data").GetString());
    }

    [Fact]
    public async Task NewUpload_OldForm_AskedToChooseAgain()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var first = await client.UploadOkAsync(TimeCsv);
        await client.UploadOkAsync(TimeCsv);
        var html = await client.RunAsync(first, "descriptives", ("Input.Variables", "t0"));
        Assert.StartsWith("Skjemaet hører til en fil du ikke lenger har lastet opp.", ResearchClient.FieldError(html, "Input_Analysis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_ForgetsUpload()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        await client.UploadOkAsync(TimeCsv);
        var logout = await client.Http.GetFormAsync("/Research", "/Account/Logout");
        using var response = await client.Http.PostFormAsync(logout, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var again = await app.LoginAsync(Roles.Forsker);
        var html = await again.HtmlAsync("/Research");
        Assert.Contains("data-testid=\"upload-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"data-file\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_Prefilled_ReportCaseGivesThirty()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var html = await client.HtmlAsync("/Research/Power");
        Assert.Equal("30", ResearchClient.Text(html, "required-n"));
        Assert.Equal("0,9037", ResearchClient.Text(html, "achieved-power"));
        Assert.Contains("value=\"0,25\"", html, StringComparison.Ordinal);
        Assert.Contains(ResearchClient.Rows(html, "power-table"), r => r.SequenceEqual(["30", "0,9037"]));
        Assert.Contains("<script type=\"application/json\" id=\"power-data\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("paired", "0,5", "0.05", "0,9", "44")]
    [InlineData("independent", "0.5", "0,05", "0.8", "64")]
    public async Task Power_TTests_GPowerSampleSizes(string test, string d, string alpha, string power, string n)
    {
        // G*Power 3.1, two tails: paired d_z = 0.5, power 0.90 → 44 pairs; independent d = 0.5, power 0.80 → 64 per group.
        using var client = await app.LoginAsync(Roles.Forsker);
        var html = await client.HtmlAsync($"/Research/Power?Input.Test={test}&Input.EffectSize={d}&Input.Alpha={alpha}&Input.Power={power}");
        Assert.Equal(n, ResearchClient.Text(html, "required-n"));
    }

    [Theory]
    [InlineData("paired", "44", "0,9000")]
    [InlineData("independent", "64", "0,8015")]
    [InlineData("rm", "29", "0,8923")]
    public async Task Power_GivenN_ShowsPostHocPower(string test, string n, string power)
    {
        // R: tc <- qt(.975, df); pt(tc, df, ncp=δ, lower.tail=FALSE) + pt(-tc, df, ncp=δ): paired d_z = 0.5, 44 pairs
        // 0.90003059333152513; independent d = 0.5, 64 per group 0.80145955792232704. Repeated measures (the report's
        // case, f = 0.25, m = 4, ρ = 0.5): N = 29 gives 0.89233488951466178 (DistributionsAndPowerTests).
        using var client = await app.LoginAsync(Roles.Forsker);
        var effect = test == "rm" ? "0,25" : "0,5";
        var html = await client.HtmlAsync($"/Research/Power?Input.Test={test}&Input.EffectSize={effect}&Input.Alpha=0,05&Input.Power=0,9&Input.Measurements=4&Input.Correlation=0,5&Input.Epsilon=1&Input.Groups=1&Input.N={n}");
        Assert.Equal(power, ResearchClient.Text(html, "post-hoc-power"));
        Assert.Contains($"Styrke med N = {n}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_GivenNTooSmall_FieldMessage()
    {
        using var client = await app.LoginAsync(Roles.Forsker);
        var html = await client.HtmlAsync("/Research/Power?Input.Test=paired&Input.EffectSize=0,5&Input.Alpha=0,05&Input.Power=0,9&Input.N=1");
        Assert.StartsWith("N må være et helt tall, minst 2", ResearchClient.FieldError(html, "Input_N"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"post-hoc-power\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alpha", "1,5", "α må være større enn 0 og mindre enn 1, for eksempel 0,05.")]
    [InlineData("EffectSize", "0", "Effektstørrelsen f må være større enn 0.")]
    [InlineData("EffectSize", "abc", "«abc» er ikke et tall.")]
    [InlineData("Measurements", "1", "Antall målinger må være et helt tall, minst 2.")]
    [InlineData("Correlation", "1", "Korrelasjonen må være større enn −1 og mindre enn 1.")]
    [InlineData("Epsilon", "0,2", "ε må være mellom 1/(antall målinger − 1) = 0,333 og 1.")]
    [InlineData("Power", "0,01", "Styrken må være større enn α og mindre enn 1, for eksempel 0,90.")]
    public async Task Power_BadField_FieldMessage(string field, string value, string message)
    {
        var values = new Dictionary<string, string>
        {
            ["EffectSize"] = "0,25",
            ["Alpha"] = "0,05",
            ["Power"] = "0,9",
            ["Measurements"] = "4",
            ["Correlation"] = "0,5",
            ["Epsilon"] = "1",
            ["Groups"] = "1",
        };
        values[field] = value;
        using var client = await app.LoginAsync(Roles.Forsker);
        var html = await client.HtmlAsync("/Research/Power?Input.Test=rm&" + string.Join('&', values.Select(v => $"Input.{v.Key}={Uri.EscapeDataString(v.Value)}")));
        Assert.Equal(message, ResearchClient.FieldError(html, "Input_" + field));
        Assert.DoesNotContain("data-testid=\"required-n\"", html, StringComparison.Ordinal);
    }

    private static List<string> Sentences(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"apa\">(?<s>[^<]*)</p>").Select(m => m.Groups["s"].Value).ToList();
}
