using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Web.Features.Api;

namespace Trinn.Web.Tests.Api;

/// <summary>The rules of the candidate API's document cache, without a database (the reads are given).</summary>
public sealed class CandidateDocumentCacheRulesTests : IDisposable
{
    private const int Team = 7;
    private const int Id = 42;

    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly CandidateChangeFeed feed = new();
    private readonly CandidateDocumentReader reader = new();
    private readonly CandidateDocumentCache cache;
    private int reads;

    public CandidateDocumentCacheRulesTests()
    {
        cache = new CandidateDocumentCache(reader, feed, time);
    }

    [Fact]
    public async Task NotListening_EveryReadGoesToTheDatabase()
    {
        await cache.GetAsync(Team, Id, ReadAsync);
        await cache.GetAsync(Team, Id, ReadAsync);

        Assert.Equal(2, reads);
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public async Task Listening_SecondReadOfTheSameTeam_FromMemory_AnotherTeamReadsTheDatabase()
    {
        cache.StartListening();

        var first = await cache.GetAsync(Team, Id, ReadAsync);
        var second = await cache.GetAsync(Team, Id, ReadAsync);
        Assert.Equal(1, reads);
        Assert.Same(first, second);

        // The team is part of the access rule: another team's member never gets what was kept for this team.
        Assert.Null(await cache.GetAsync(Team + 1, Id, _ => { reads++; return Task.FromResult<CandidateDocument?>(null); }));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Dropped_ReadAgain()
    {
        cache.StartListening();
        await cache.GetAsync(Team, Id, ReadAsync);

        cache.Drop([Id]);
        await cache.GetAsync(Team, Id, ReadAsync);

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task DropArrivesWhileReading_WhatWasReadIsNotKept()
    {
        cache.StartListening();

        // The change committed (and its drop came) after the read took its snapshot: what it read is older.
        await cache.GetAsync(Team, Id, async ct =>
        {
            var document = await ReadAsync(ct);
            cache.Drop([Id]);
            return document;
        });
        await cache.GetAsync(Team, Id, ReadAsync);

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task ListenerLostWhileReading_NotKept_AndNothingServedUntilListeningAgain()
    {
        cache.StartListening();
        await cache.GetAsync(Team, Id + 1, ReadAsync);

        await cache.GetAsync(Team, Id, async ct =>
        {
            var document = await ReadAsync(ct);
            cache.StopListening();
            return document;
        });
        await cache.GetAsync(Team, Id + 1, ReadAsync);
        cache.StartListening();
        await cache.GetAsync(Team, Id, ReadAsync);

        Assert.Equal(4, reads);
        Assert.Equal(0, cache.Hits);
    }

    [Fact]
    public async Task StartListening_DropsWhatWasKeptBefore()
    {
        cache.StartListening();
        await cache.GetAsync(Team, Id, ReadAsync);

        // Reconnected: notifications sent while it was away are lost, so nothing from before is trusted.
        cache.StartListening();
        await cache.GetAsync(Team, Id, ReadAsync);

        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task OlderThanMaxAge_ReadAgain()
    {
        cache.StartListening();
        await cache.GetAsync(Team, Id, ReadAsync);

        time.Advance(CandidateDocumentCache.MaxAge - TimeSpan.FromSeconds(1));
        await cache.GetAsync(Team, Id, ReadAsync);
        Assert.Equal(1, reads);

        time.Advance(TimeSpan.FromSeconds(2));
        await cache.GetAsync(Team, Id, ReadAsync);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void Notification_Payload_IdsOrAll()
    {
        Assert.Equal("3,17", CandidateChanges.Payload([3, 17]));
        Assert.Equal([3, 17], CandidateChanges.Parse("3,17"));
        Assert.Equal(CandidateChanges.All, CandidateChanges.Payload(Enumerable.Range(1_000_000, 1_000)));
        Assert.Null(CandidateChanges.Parse(CandidateChanges.All));
        Assert.Null(CandidateChanges.Parse("3,x"));
    }

    public void Dispose()
    {
        cache.Dispose();
        reader.Dispose();
    }

    private Task<CandidateDocument?> ReadAsync(CancellationToken ct)
    {
        reads++;
        return Task.FromResult<CandidateDocument?>(new CandidateDocument(
            Id, "Kari", "Nordmann", "01010112345", null, null, null, 1, new DateOnly(2026, 1, 1), null, null, null, null, null, null,
            reads, new ReferralDocument("u", new DateOnly(2026, 1, 1), default, "r"), null, null, []));
    }
}

/// <summary>
/// The candidate API's document cache on PostgreSQL, through the API: kept between reads (each still audited), and
/// dropped by a change saved in this app, by one saved elsewhere (the CLI's way: a context of its own, told by
/// PostgreSQL's notification), and after the listener's connection is lost.
/// </summary>
public sealed class CandidateDocumentCachePostgresTests(PostgresTrinnFactory app) : IClassFixture<PostgresTrinnFactory>
{
    [Fact]
    public async Task SecondRead_FromMemory_AndEachReadAudited()
    {
        var (browser, candidate) = await SignedInWithCandidateAsync();
        var cache = await ListeningCacheAsync();
        var hits = cache.Hits;

        await PhoneAsync(browser, candidate.Id);
        await PhoneAsync(browser, candidate.Id);

        Assert.Equal(hits + 1, cache.Hits);
        Assert.Equal(2, await app.Data.WithDbAsync(db => db.Set<AuditEntry>()
            .CountAsync(e => e.CandidateId == candidate.Id && e.Action == AuditAction.Read && e.EntityType == AuditEntities.CandidateApi)));
    }

    [Fact]
    public async Task ChangeSavedInThisApp_TheNextReadShowsIt()
    {
        var (browser, candidate) = await SignedInWithCandidateAsync();
        await ListeningCacheAsync();
        await PhoneAsync(browser, candidate.Id);
        await PhoneAsync(browser, candidate.Id);

        await app.Data.WithDbAsync(async db =>
        {
            (await db.Candidates.SingleAsync(c => c.Id == candidate.Id)).Phone = "40000001";
            return await db.SaveChangesAsync();
        });

        // No waiting: the commit dropped the document before the save returned.
        Assert.Equal("40000001", await PhoneAsync(browser, candidate.Id));
    }

    [Fact]
    public async Task CommitInThisApp_FeedToldBeforeTheSaveReturns_RollbackNotTold()
    {
        var (_, candidate) = await SignedInWithCandidateAsync();
        var feed = app.Services.GetRequiredService<CandidateChangeFeed>();
        var told = new List<int>();
        void Listen(IReadOnlyCollection<int> ids)
        {
            lock (told)
            {
                told.AddRange(ids);
            }
        }

        feed.Committed += Listen;
        try
        {
            await app.Data.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                (await db.Candidates.SingleAsync(c => c.Id == candidate.Id)).Phone = "40000009";
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
                return 0;
            });
            lock (told)
            {
                Assert.DoesNotContain(candidate.Id, told);
            }

            await app.Data.WithDbAsync(async db =>
            {
                (await db.Candidates.SingleAsync(c => c.Id == candidate.Id)).Phone = "40000010";
                return await db.SaveChangesAsync();
            });
            lock (told)
            {
                Assert.Contains(candidate.Id, told);
            }
        }
        finally
        {
            feed.Committed -= Listen;
        }
    }

    [Fact]
    public async Task ChangeSavedByAnotherProcess_ShowsOnceNotified()
    {
        var (browser, candidate) = await SignedInWithCandidateAsync();
        var cache = await ListeningCacheAsync();
        await PhoneAsync(browser, candidate.Id);
        var hits = cache.Hits;
        await PhoneAsync(browser, candidate.Id);
        Assert.Equal(hits + 1, cache.Hits);

        await SaveElsewhereAsync(candidate.Id, "40000002");

        Assert.Equal("40000002", await EventuallyAsync(() => PhoneAsync(browser, candidate.Id), "40000002"));
    }

    [Fact]
    public async Task ListenerConnectionLost_ChangeMeanwhileIsNotServedFromMemory()
    {
        var (browser, candidate) = await SignedInWithCandidateAsync();
        var cache = await ListeningCacheAsync();
        await PhoneAsync(browser, candidate.Id);
        await PhoneAsync(browser, candidate.Id);

        // The listener's backend ends; the change saved right after has no one to notify.
        await using (var db = OtherProcessContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = {0} AND datname = current_database()",
                CandidateChangeListener.ApplicationName);
        }

        await SaveElsewhereAsync(candidate.Id, "40000003");

        Assert.Equal("40000003", await EventuallyAsync(() => PhoneAsync(browser, candidate.Id), "40000003"));
        await ListeningCacheAsync();
        Assert.Equal("40000003", await PhoneAsync(browser, candidate.Id));
    }

    private async Task<(BrowserClient Browser, Candidate Candidate)> SignedInWithCandidateAsync()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist);
        return (await BrowserClient.LoginAsync(app, staff.Specialist.UserName!), candidate);
    }

    private async Task<CandidateDocumentCache> ListeningCacheAsync()
    {
        var cache = app.Services.GetRequiredService<CandidateDocumentCache>();
        for (var i = 0; i < 200 && !cache.IsListening; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(cache.IsListening, "the candidate change listener did not start listening within 10 s");
        return cache;
    }

    private static async Task<string?> PhoneAsync(BrowserClient browser, int id) =>
        (await browser.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/candidates/{id}", UriKind.Relative))).GetProperty("phone").GetString();

    private static async Task<string?> EventuallyAsync(Func<Task<string?>> read, string expected)
    {
        string? seen = null;
        for (var i = 0; i < 100; i++)
        {
            seen = await read();
            if (seen == expected)
            {
                break;
            }

            await Task.Delay(50);
        }

        return seen;
    }

    private TrinnDbContext OtherProcessContext() => DatabaseRegistration.CreateContext(
        DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(app.DatabaseConnectionString) { Pooling = false }.ConnectionString);

    /// <summary>A change saved the way the CLI saves: a context of its own, outside the app's pool and its commit feed.</summary>
    private async Task SaveElsewhereAsync(int candidateId, string phone)
    {
        await using var db = OtherProcessContext();
        (await db.Candidates.SingleAsync(c => c.Id == candidateId)).Phone = phone;
        await db.SaveChangesAsync();
    }
}
