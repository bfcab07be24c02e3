using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Trinn.Core.Audit;
using Trinn.Core.Data;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Faults under load, with Trinn as its own process: the PostgreSQL server restarted (fast stop, then start) while
/// referrals (API) and journal notes (form) are written, and a SQLite database that reaches its size limit. During the
/// fault every refused request gets 503 with a Norwegian explanation (problem details or the error page), never a stack
/// trace; afterwards every acknowledged write is there and the audit chain verifies.
/// </summary>
[Collection(CrashTestGroup.Name)]
public sealed class DatabaseOutageTests
{
    private static readonly string[] StackTraceMarks = ["Exception", "   at ", ".cs:line"];

    [Fact]
    public async Task PostgresRestartDuringWrites_OutageAnswers503WithoutStackTrace_RecoversWithinSecondsAndLosesNoAcknowledgedWrite()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var connection = await postgres.CreateDatabaseAsync("trinn_outage");
        var seed = await ProcessTestData.SeedAsync(DatabaseProvider.Postgres, connection, "pgout");
        using var app = await AppProcess.StartAsync(DatabaseProvider.Postgres, connection);
        using var api = ProcessTestData.TokenClient(app, seed.NavSecret);
        using var browser = await ProcessTestData.SignInAsync(app, seed.SpecialistUserName);
        var form = await browser.GetFormAsync($"/Candidates/Journal/{seed.CandidateId}");

        var referrals = new ConcurrentDictionary<int, string>();
        var notes = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<Answer>();
        var unexpected = new ConcurrentBag<string>();
        var acknowledgedAt = new ConcurrentQueue<DateTime>();
        var down = false;
        using var stop = new CancellationTokenSource();

        async Task Referrals()
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = "Utfall" + Guid.NewGuid().ToString("N")[..8];
                try
                {
                    using var response = await api.PostAsJsonAsync(new Uri("api/referrals", UriKind.Relative), ProcessTestData.Referral(name, seed.TeamId));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        referrals[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidateId").GetInt32()] = name;
                        acknowledgedAt.Enqueue(DateTime.UtcNow);
                    }
                    else
                    {
                        Classify(await Answer.ReadAsync(response), Volatile.Read(ref down), refused, unexpected);
                    }
                }
                catch (HttpRequestException ex)
                {
                    unexpected.Add("the app dropped a request: " + ex.Message);
                }

                await Task.Delay(10);
            }
        }

        async Task Notes()
        {
            while (!stop.IsCancellationRequested)
            {
                var text = "Notat " + Guid.NewGuid().ToString("N");
                try
                {
                    using var response = await browser.PostFormAsync(form, new()
                    {
                        ["Input.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["Input.Kind"] = "1",
                        ["Input.Place"] = "2",
                        ["Input.DurationMinutes"] = "30",
                        ["Input.Text"] = text,
                    });
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        notes.Add(text);
                        acknowledgedAt.Enqueue(DateTime.UtcNow);
                    }
                    else
                    {
                        Classify(await Answer.ReadAsync(response), Volatile.Read(ref down), refused, unexpected);
                    }
                }
                catch (HttpRequestException ex)
                {
                    unexpected.Add("the app dropped a request: " + ex.Message);
                }

                await Task.Delay(10);
            }
        }

        var writers = new[] { Task.Run(Referrals), Task.Run(Referrals), Task.Run(Notes), Task.Run(Notes) };
        await WaitForAsync(() => referrals.Count + notes.Count >= 10, TimeSpan.FromSeconds(60), "ten writes before the restart");

        Volatile.Write(ref down, true);
        await postgres.StopFastAsync();
        await WaitForAsync(() => refused.Count >= 8, TimeSpan.FromSeconds(30), "refused requests while the server was down");
        var restarted = DateTime.UtcNow;
        await postgres.StartAgainAsync();
        await WaitForAsync(() => acknowledgedAt.Any(t => t > restarted), TimeSpan.FromSeconds(30), "a write after the restart");
        var recovery = acknowledgedAt.Where(t => t > restarted).Min() - restarted;
        await WaitForAsync(() => acknowledgedAt.Count(t => t > restarted) >= 10, TimeSpan.FromSeconds(30), "ten writes after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected) + "\nThe app's errors:\n" + Errors(app.Log) + "\nThe app's log (end):\n" + app.Log[Math.Max(0, app.Log.Length - 6000)..]);
        Assert.True(recovery < TimeSpan.FromSeconds(10), $"the first write after the restart took {recovery.TotalSeconds:0.0} s");
        Assert.Contains(refused, a => a.IsProblem);
        Assert.Contains(refused, a => !a.IsProblem);
        foreach (var answer in refused)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
            Assert.Contains("Databasen svarer ikke", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(StackTraceMarks, mark => answer.Body.Contains(mark, StringComparison.Ordinal));
        }

        // This process's own pooled connections were cut by the restart too.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Postgres, connection))
        {
            var storedCandidates = await db.Candidates.Where(c => referrals.Keys.Contains(c.Id)).Select(c => c.Id).ToListAsync();
            Assert.Equal(referrals.Keys.Order(), storedCandidates.Order());
            var texts = notes.ToList();
            Assert.Equal(texts.Count, await db.JournalNotes.CountAsync(n => texts.Contains(n.Text)));
        }

        await ProcessTestData.AssertAuditVerifiesAsync(DatabaseProvider.Postgres, connection);
    }

    [Fact]
    public async Task SqliteDatabaseFull_WritesRefusedWithNorwegianMessage_NothingHalfWritten_PagesWithoutPersonalDataStillServed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trinn-full-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={path}";
        try
        {
            var seed = await ProcessTestData.SeedAsync(DatabaseProvider.Sqlite, connection, "full");
            SqliteConnection.ClearAllPools();

            // Room for a few hundred more referrals (with their audit entries), then SQLite refuses to grow as on a full disk.
            var limit = (new FileInfo(path).Length + (200 * 1024)) / (1024.0 * 1024.0);
            var created = new List<int>();
            string? refusedName = null;
            using (var app = await AppProcess.StartAsync(DatabaseProvider.Sqlite, connection, new Dictionary<string, string>
            {
                ["Database__SqliteMaxSizeMegabytes"] = limit.ToString(CultureInfo.InvariantCulture),
            }))
            {
                using var api = ProcessTestData.TokenClient(app, seed.NavSecret);
                using var browser = await ProcessTestData.SignInAsync(app, seed.SpecialistUserName);
                var form = await browser.GetFormAsync($"/Candidates/Journal/{seed.CandidateId}");

                Answer? full = null;
                var clock = Stopwatch.StartNew();
                while (full is null)
                {
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"the database did not fill up after {created.Count} referrals");
                    var name = "Full" + created.Count.ToString(CultureInfo.InvariantCulture);
                    using var response = await api.PostAsJsonAsync(new Uri("api/referrals", UriKind.Relative), ProcessTestData.Referral(name, seed.TeamId));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        created.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidateId").GetInt32());
                    }
                    else
                    {
                        full = await Answer.ReadAsync(response);
                        refusedName = name;
                    }
                }

                Assert.NotEmpty(created);
                AssertRefusedAsFull(full);
                Assert.True(full.IsProblem, full.Body);

                using (var note = await browser.PostFormAsync(form, new()
                {
                    ["Input.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["Input.Kind"] = "1",
                    ["Input.Place"] = "2",
                    ["Input.DurationMinutes"] = "30",
                    ["Input.Text"] = "Skrevet mens disken var full " + new string('x', 3000),
                }))
                {
                    var answer = await Answer.ReadAsync(note);
                    AssertRefusedAsFull(answer);
                    Assert.False(answer.IsProblem);
                }

                // Pages without personal data are served; a page with personal data is either shown with its audit entry
                // (there was room for that small row) or refused, never shown unaudited.
                using (var employers = await browser.GetAsync("/Employers"))
                {
                    Assert.Equal(HttpStatusCode.OK, employers.StatusCode);
                }

                using (var health = await browser.GetAsync("/health"))
                {
                    Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                }

                using (var details = await browser.GetAsync($"/Candidates/Details/{seed.CandidateId}"))
                {
                    if (details.StatusCode != HttpStatusCode.OK)
                    {
                        AssertRefusedAsFull(await Answer.ReadAsync(details));
                    }
                    else
                    {
                        await using var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, connection);
                        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.CandidateId == seed.CandidateId && e.EntityType == "DetailsPage"));
                    }
                }

            }

            SqliteConnection.ClearAllPools();
            await using (var db = DatabaseRegistration.CreateContext(DatabaseProvider.Sqlite, connection))
            {
                Assert.Equal(created.Count + 1, await db.Candidates.CountAsync());
                Assert.False(await db.Candidates.AnyAsync(c => c.FirstName == refusedName));
                Assert.Equal(created.Count + 1, await db.Referrals.CountAsync());
                Assert.Equal(created.Count + 1, await db.StageChanges.CountAsync());
                Assert.False(await db.JournalNotes.AnyAsync(n => n.Text.StartsWith("Skrevet mens disken var full")));
                Assert.Equal("ok", await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").SingleAsync());
            }

            await ProcessTestData.AssertAuditVerifiesAsync(DatabaseProvider.Sqlite, connection);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static void AssertRefusedAsFull(Answer answer)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Contains("Lagringsplassen til Trinn er full", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(StackTraceMarks, mark => answer.Body.Contains(mark, StringComparison.Ordinal));
    }

    /// <summary>
    /// The exceptions that reached the app's exception handler (with their frames, the requests that failed), from the
    /// app's console log, for a failure message.
    /// </summary>
    private static string Errors(string log)
    {
        var lines = log.Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", StringComparison.Ordinal))
            {
                continue;
            }

            kept.Add(lines[i]);
            for (var j = i + 1; j < lines.Length && lines[j].StartsWith(' '); j++)
            {
                kept.Add(lines[j]);
            }
        }

        return string.Join('\n', kept);
    }

    private static void Classify(Answer answer, bool down, ConcurrentBag<Answer> refused, ConcurrentBag<string> unexpected)
    {
        if (answer.Status == HttpStatusCode.ServiceUnavailable && down)
        {
            refused.Add(answer);
        }
        else
        {
            unexpected.Add($"{(int)answer.Status} while the server was {(down ? "restarting" : "up")}: {answer.Body[..Math.Min(300, answer.Body.Length)]}");
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"waited {limit.TotalSeconds:0} s for {what}");
            await Task.Delay(50);
        }
    }

    private sealed record Answer(HttpStatusCode Status, bool IsProblem, string Body)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response) => new(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
