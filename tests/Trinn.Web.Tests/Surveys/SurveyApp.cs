using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Surveys;

namespace Trinn.Web.Tests.Surveys;

/// <summary>
/// The app with a fake clock, mail to a real SMTP server inside the test, and the background sender switched off so
/// each test runs the sender's rounds itself (<see cref="RunSenderAsync"/>) — the same code the hosted service runs.
/// </summary>
public class SurveyApp : TrinnFactory, IAsyncLifetime
{
    public SurveyApp()
    {
        FakeTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    public TestSmtpServer Smtp { get; } = new();

    public FakeTimeProvider Clock => FakeTime!;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Mail:Host"] = "127.0.0.1";
        settings["Mail:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Mail:Tls"] = "None";
        settings["Mail:From"] = "trinn@example.no";
        settings["Surveys:PublicBaseUrl"] = "http://localhost";
        settings["Surveys:SenderEnabled"] = "false";
        return settings;
    }

    /// <summary>One round of the background sender, under the lease, as the hosted service runs it.</summary>
    public async Task<(bool Held, int Queued, int Sent)> RunSenderAsync(string holder = "test-holder")
    {
        var scopes = Services.GetRequiredService<IServiceScopeFactory>();
        return await SurveySender.RunOnceAsync(scopes, Services.GetRequiredService<IMailTransport>(), Services.GetRequiredService<IOptions<SurveyOptions>>().Value,
            Time, holder, TimeSpan.FromMinutes(2), CancellationToken.None);
    }

    /// <summary>A team, a job specialist, an admin, and a study over the team with information letter 1.</summary>
    public async Task<SurveyScene> SceneAsync(Action<StudyProtocol>? protocol = null)
    {
        var staff = await Data.AddTeamWithStaffAsync();
        var admin = await Data.AddUserAsync(Roles.Admin);
        var studyId = await Data.WithDbAsync(async db =>
        {
            var study = Study.Create(TestData.Unique("Studie "), false, [staff.Team.Id], admin.Id, DateTime.UtcNow);
            db.Add(study);
            await db.SaveChangesAsync();
            var p = StudyProtocol.CreateDefault(study.Id);
            protocol?.Invoke(p);
            db.Add(p);
            db.Add(InformationLetter.Create(study.Id, null, "Informasjonsskriv", admin.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return study.Id;
        });
        return new SurveyScene(this, staff, admin, studyId);
    }

    public async Task InitializeAsync() => await Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await Smtp.DisposeAsync();
}

/// <summary>The same on PostgreSQL: a database of its own on the server named by TRINN_TEST_POSTGRES, dropped on dispose.</summary>
public sealed class PostgresSurveyApp : SurveyApp
{
    private readonly string server = Environment.GetEnvironmentVariable(PostgresTrinnFactory.EnvironmentVariable) is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException($"{PostgresTrinnFactory.EnvironmentVariable} is not set, so the PostgreSQL tests cannot run.");

    private readonly string database = $"trinn_test_{Guid.NewGuid():N}";
    private bool created;

    public string ConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    protected override Dictionary<string, string?> Settings()
    {
        if (!created)
        {
            Execute($"CREATE DATABASE \"{database}\"");
            created = true;
        }

        var settings = base.Settings();
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = ConnectionString;
        return settings;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && created)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private void Execute(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

public sealed partial class SurveyScene(SurveyApp app, Staff staff, TrinnUser admin, int studyId)
{
    public Staff Staff => staff;

    public TrinnUser Admin => admin;

    public int StudyId => studyId;

    /// <summary>A stage-2 candidate of the team with an e-mail address and a cooperation agreement (research consent as given).</summary>
    public async Task<Candidate> CandidateAsync(bool researchConsent = true, string? email = null)
    {
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        await app.Data.WithDbAsync(async db =>
        {
            var c = await db.Candidates.SingleAsync(x => x.Id == candidate.Id);
            c.Email = email ?? TestData.Unique("kandidat") + "@example.no";
            db.CooperationAgreements.Add(new CooperationAgreement { CandidateId = c.Id, SignedOn = app.Data.Today.AddDays(-30), Agreed = "Avtale", ConsentResearch = researchConsent });
            return await db.SaveChangesAsync();
        });
        return await app.Data.LoadCandidateAsync(candidate.Id);
    }

    /// <summary>The job specialist registers consent on the consent page, as a user does.</summary>
    public async Task<HttpResponseMessage> RegisterConsentAsync(BrowserClient client, int candidateId, DateOnly? consentedOn = null) =>
        await client.SubmitAsync($"/Surveys/Consent/{candidateId}", new()
        {
            ["Input.Letter"] = $"{studyId.ToString(CultureInfo.InvariantCulture)}:1",
            ["Input.ConsentedOn"] = (consentedOn ?? app.Data.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.InclusionDate"] = "",
        });

    /// <summary>The answer link in the newest mail to <paramref name="address"/> (path and token).</summary>
    public string LinkIn(string address)
    {
        var mail = app.Smtp.To(address)[^1];
        var match = LinkPattern().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "No answer link in: " + mail.TextBody);
        return match.Groups["path"].Value;
    }

    public static readonly IReadOnlyDictionary<string, string> NotInWorkAnswers = new Dictionary<string, string>
    {
        ["q1a"] = "1",
        ["q1b"] = "34",
        ["q2"] = "2",
        ["q5"] = "4",
        ["q6"] = "2",
        ["q7"] = "3",
        ["q8"] = "2",
        ["q9"] = "3",
        ["q10"] = "1",
        ["q11"] = "1",
        ["q23"] = "2",
        ["q24"] = "1",
        ["q25"] = "6",
        ["q26"] = "7",
        ["q27"] = "8",
        ["q28"] = "4",
        ["q29"] = "5",
        ["q30"] = "3",
        ["q31"] = "4",
        ["q32"] = "5",
        ["q33"] = "3",
        ["q34"] = "4",
        ["q35"] = "B",
        ["q36"] = "A",
        ["q37"] = "A",
        ["q38"] = "B",
        ["q39"] = "B",
        ["q40"] = "6",
    };

    /// <summary>
    /// Answers the questionnaire page by page as a person without script does: on each page fill in the shown
    /// questions from <paramref name="answers"/>, press "Lagre og gå videre", and on the last page "Send inn".
    /// Returns the final response.
    /// </summary>
    public static async Task<HttpResponseMessage> AnswerAllAsync(BrowserClient client, string link, IReadOnlyDictionary<string, string> answers)
    {
        var url = link;
        for (var guard = 0; guard < 20; guard++)
        {
            var form = await client.GetFormAsync(url);
            var shown = ItemPattern().Matches(form.Html).Select(m => m.Groups["id"].Value).Distinct().ToList();
            var fields = new Dictionary<string, string>();
            foreach (var id in shown.Where(answers.ContainsKey))
            {
                fields["a." + id] = answers[id];
            }

            var last = form.Html.Contains("data-testid=\"survey-submit\"", StringComparison.Ordinal);
            fields["handling"] = last ? "send" : "neste";
            var response = await client.PostFormAsync(form, fields);
            if (last || response.StatusCode != HttpStatusCode.Redirect)
            {
                return response;
            }

            url = response.Headers.Location!.OriginalString;
            response.Dispose();
        }

        throw new InvalidOperationException("The questionnaire did not end.");
    }

    [GeneratedRegex(@"http://localhost(?<path>/svar/[A-Za-z0-9_-]{43})")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("data-item=\"(?<id>[a-z0-9_]+)\"")]
    private static partial Regex ItemPattern();
}
