using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Npgsql;
using Trinn.Core.Audit;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Crash safety: Trinn runs as its own process and takes a stream of referrals and audited reads through the API when
/// it is killed with SIGKILL. After a restart on the same database every referral that was answered 201 is there, every
/// read that was answered has its audit entries (the group commit releases a read only after its entries are durable),
/// the database is intact, and <c>trinn audit verify</c> passes. On SQLite and on PostgreSQL.
/// </summary>
public abstract class CrashTests : IAsyncLifetime
{
    private const int Senders = 4;
    private const int KillAfter = 40;

    protected abstract DatabaseProvider Provider { get; }

    protected string ConnectionString { get; set; } = "";

    [Fact]
    public async Task ApiCreates_AppKilledMidStream_EveryAnsweredCreateSurvivesRestartAndDatabaseIsIntact()
    {
        var (teamId, secret) = await SeedAsync();
        var answered = new ConcurrentDictionary<int, string>();
        var refused = new ConcurrentBag<string>();
        long readEntriesAnswered = 0;
        var killing = false;
        var killed = false;
        int requestsAtKill;

        using (var app = await AppProcess.StartAsync(Provider, ConnectionString))
        {
            using var api = Client(app, secret);
            var sent = 0;
            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
            {
                while (!Volatile.Read(ref killed))
                {
                    var name = "Krasj" + Interlocked.Increment(ref sent).ToString(CultureInfo.InvariantCulture);
                    try
                    {
                        using var response = await api.PostAsJsonAsync(new Uri("api/referrals", UriKind.Relative), ProcessTestData.Referral(name, teamId));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                            answered[body.GetProperty("candidateId").GetInt32()] = name;
                        }
                        else
                        {
                            refused.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        // Cut off by the kill: the client never learned whether this create was saved.
                        Assert.True(Volatile.Read(ref killing), $"request failed while the app was running: {ex.GetBaseException().Message}\n{app.Log}");
                    }
                }
            })).ToList();
            senders.Add(Task.Run(async () =>
            {
                while (!Volatile.Read(ref killed))
                {
                    try
                    {
                        // Each answered read of "my referrals" was audited with one entry per referral listed.
                        using var response = await api.GetAsync(new Uri("api/referrals/mine", UriKind.Relative));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var listed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
                            Interlocked.Add(ref readEntriesAnswered, listed);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
                    {
                        Assert.True(Volatile.Read(ref killing), $"read failed while the app was running: {ex.GetBaseException().Message}\n{app.Log}");
                    }
                }
            }));

            var clock = Stopwatch.StartNew();
            while (answered.Count < KillAfter)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"only {answered.Count} creates answered in 30 s: {string.Join(" | ", refused.Take(3))}\n{app.Log}");
                Assert.DoesNotContain(senders, s => s.IsFaulted);
                await Task.Delay(5);
            }

            requestsAtKill = Volatile.Read(ref sent);
            Volatile.Write(ref killing, true);
            app.Kill();
            Volatile.Write(ref killed, true);
            await Task.WhenAll(senders);
        }

        Assert.Empty(refused);
        Assert.True(requestsAtKill > answered.Count, "no request was in flight when the app was killed");

        using (var restarted = await AppProcess.StartAsync(Provider, ConnectionString))
        {
            using var api = Client(restarted, secret);
            var mine = await api.GetFromJsonAsync<JsonElement>(new Uri("api/referrals/mine", UriKind.Relative));
            var listed = mine.EnumerateArray().ToDictionary(r => r.GetProperty("candidateId").GetInt32(), r => r.GetProperty("name").GetString());
            foreach (var (id, name) in answered)
            {
                Assert.True(listed.TryGetValue(id, out var stored), $"candidate {id} ({name}) was answered 201 but is gone after the crash");
                Assert.Equal(name + " Test", stored);
            }

            // The app goes on where it stopped: a new create after the crash extends the same audit chain.
            using var after = await api.PostAsJsonAsync(new Uri("api/referrals", UriKind.Relative), ProcessTestData.Referral("EtterKrasj", teamId));
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        }

        await using (var db = DatabaseRegistration.CreateContext(Provider, ConnectionString))
        {
            var ids = answered.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)).ToList();
            var audited = await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.Create && e.EntityType == "Candidate" && ids.Contains(e.EntityId!))
                .Select(e => e.EntityId).ToListAsync();
            Assert.Equal(ids.Order(), audited.Order());
            var readEntries = await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditAction.Read && e.EntityType == "ReferralStatusApi");
            Assert.True(readEntries >= Interlocked.Read(ref readEntriesAnswered), $"{readEntriesAnswered} read entries were answered, {readEntries} are stored");
        }

        Assert.Equal("", await IntegrityProblemsAsync());
        await ProcessTestData.AssertAuditVerifiesAsync(Provider, ConnectionString);
    }

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>Empty when the storage engine finds the database intact.</summary>
    protected abstract Task<string> IntegrityProblemsAsync();

    private static HttpClient Client(AppProcess app, string secret)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Migrates the database and adds a team and a NAV-veileder with a personal API token.</summary>
    private async Task<(int TeamId, string Secret)> SeedAsync()
    {
        await using var db = DatabaseRegistration.CreateContext(Provider, ConnectionString);
        await db.Database.MigrateAsync();
        var team = new Team { Name = "Team Krasj" };
        db.Teams.Add(team);
        var role = new IdentityRole(Roles.NavVeileder) { NormalizedName = Roles.NavVeileder.ToUpperInvariant() };
        db.Roles.Add(role);
        var user = new TrinnUser
        {
            UserName = "navkrasj",
            NormalizedUserName = "NAVKRASJ",
            DisplayName = "NAV-veileder Krasj",
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        var (token, secret) = ApiToken.Create(user.Id, "krasjtest", ApiTokenScope.ReadWrite, DateTime.UtcNow.AddDays(1), DateTime.UtcNow);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return (team.Id, secret);
    }
}

/// <summary>The crash tests each run two app processes; in one collection they take turns instead of competing for the cores.</summary>
[CollectionDefinition(Name)]
public sealed class CrashTestGroup
{
    public const string Name = "crash";
}

[Collection(CrashTestGroup.Name)]
public sealed class CrashSqliteTests : CrashTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trinn-crash-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task InitializeAsync()
    {
        ConnectionString = $"Data Source={_path}";
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    protected override async Task<string> IntegrityProblemsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        var problems = new List<string>();
        foreach (var pragma in new[] { "PRAGMA integrity_check;", "PRAGMA foreign_key_check;" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                problems.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
        }

        return string.Join("; ", problems.Where(p => p != "ok"));
    }
}

[Collection(CrashTestGroup.Name)]
public sealed class CrashPostgresTests : CrashTests
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgresTrinnFactory.EnvironmentVariable) is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException($"{PostgresTrinnFactory.EnvironmentVariable} is not set: run ./test.sh, which starts a PostgreSQL server for the tests.");

    private readonly string _name = $"trinn_crash_{Guid.NewGuid():N}";

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    /// <summary>PostgreSQL has no integrity_check; what the app could break is constraints, so none may be unvalidated.</summary>
    protected override async Task<string> IntegrityProblemsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(conname, ', ') FROM pg_constraint WHERE NOT convalidated", connection);
        return await command.ExecuteScalarAsync() as string ?? "";
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
