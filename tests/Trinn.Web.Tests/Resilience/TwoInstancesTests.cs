using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Trinn.Core.Audit;
using Trinn.Core.Data;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Two app processes on one PostgreSQL database, as behind a load balancer. Each has a home folder of its own, so the
/// database is all they share: a sign-in (cookie) and a form's antiforgery token from one are accepted by the other,
/// they share one Data Protection key, and with both writing and reading at once the audit chain stays one intact chain.
/// </summary>
[Collection(CrashTestGroup.Name)]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgresTrinnFactory.EnvironmentVariable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"{PostgresTrinnFactory.EnvironmentVariable} is not set: run ./test.sh, which starts a PostgreSQL server for the tests.");

    private readonly string _name = $"trinn_two_{Guid.NewGuid():N}";
    private readonly List<string> _homes = [];
    private string _connection = "";

    [Fact]
    public async Task TwoAppProcessesOnOneDatabase_SignInOnOneIsValidOnTheOther_AndTheAuditChainStaysIntactWithBothWriting()
    {
        var seed = await ProcessTestData.SeedAsync(DatabaseProvider.Postgres, _connection, "two");
        using var first = await AppProcess.StartAsync(DatabaseProvider.Postgres, _connection, Home());
        using var second = await AppProcess.StartAsync(DatabaseProvider.Postgres, _connection, Home());

        var jar = new CookieContainer();
        using var onFirst = await ProcessTestData.SignInAsync(first, seed.SpecialistUserName, jar);
        var form = await onFirst.GetFormAsync($"/Candidates/Journal/{seed.CandidateId}");
        using var onSecond = new BrowserClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = second.BaseAddress,
        });
        onSecond.Http.DefaultRequestHeaders.Add("Cookie", jar.GetCookieHeader(first.BaseAddress));

        var portfolio = await onSecond.GetHtmlAsync("/Portfolio");
        Assert.Contains("Prosess Kandidat", portfolio, StringComparison.Ordinal);
        using (var saved = await onSecond.PostFormAsync(form, Note("Lagret på den andre instansen")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // Both instances at once: referrals (API), journal notes (form) and audited reads.
        var instances = new[] { (App: first, Browser: onFirst), (App: second, Browser: onSecond) };
        var created = new System.Collections.Concurrent.ConcurrentBag<int>();
        var work = instances.SelectMany(i => Enumerable.Range(0, 2).Select(async n =>
        {
            using var api = ProcessTestData.TokenClient(i.App, seed.NavSecret);
            for (var k = 0; k < 15; k++)
            {
                using var response = await api.PostAsJsonAsync(new Uri("api/referrals", UriKind.Relative), ProcessTestData.Referral($"To{n}x{k}", seed.TeamId));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                created.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidateId").GetInt32());
                using var read = await i.Browser.GetAsync($"/Candidates/Details/{seed.CandidateId}");
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                using var note = await i.Browser.PostFormAsync(form, Note($"Notat {n}-{k}"));
                Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
            }
        })).ToList();
        await Task.WhenAll(work);

        await using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, _connection))
        {
            Assert.Single(await db.DataProtectionKeys.ToListAsync());
            Assert.Equal(60, created.Distinct().Count());
            Assert.Equal(60, await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditAction.Read && e.EntityType == "DetailsPage" && e.CandidateId == seed.CandidateId));
            Assert.Equal(61, await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditAction.Create && e.EntityType == "JournalNote"));
        }

        await ProcessTestData.AssertAuditVerifiesAsync(DatabaseProvider.Postgres, _connection);
    }

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        _connection = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        foreach (var home in _homes)
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static Dictionary<string, string> Note(string text) => new()
    {
        ["Input.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Kind"] = "1",
        ["Input.Place"] = "2",
        ["Input.DurationMinutes"] = "30",
        ["Input.Text"] = text,
    };

    /// <summary>A home folder of the instance's own: nothing in the file system is shared between the two.</summary>
    private Dictionary<string, string> Home()
    {
        var home = Directory.CreateTempSubdirectory("trinn-home-").FullName;
        _homes.Add(home);
        return new() { ["HOME"] = home };
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
