using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Data;
using Trinn.Core.Demo;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.E2E.EveryPage;

/// <summary>
/// Trinn with the demo installation (two teams, a user per role, ~30 candidates with employers, placements, time
/// blocks and a study), on Kestrel and its own SQLite file, for visiting every page with real-looking data. What the
/// demo seeder does not create, <see cref="ArrangeAsync"/> adds through Core (a fidelity round for each team).
/// </summary>
public sealed class DemoSite : IAsyncDisposable
{
    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"trinn-e2e-demo-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<Program> factory;

    private DemoSite()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={dbPath}");
            b.UseSetting("Demo:Enabled", "true");
            b.UseSetting("NationalIds:AllowSynthetic", "true");
            b.UseSetting("Security:SensitiveRequestsPerMinute", "100000");
            b.UseSetting("Urls", "http://127.0.0.1:0");
            b.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        });
        factory.UseKestrel(0);
    }

    /// <summary>The demo users' password, as the app chose it at start-up.</summary>
    public static string Password => Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : DemoSeeder.DefaultPassword;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => factory.Services;

    public static async Task<DemoSite> StartAsync()
    {
        var site = new DemoSite();
        site.factory.StartServer();
        var addresses = site.factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        site.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        await site.ArrangeAsync();
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private async Task ArrangeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var instrument = await InstrumentStore.LatestAsync(db, ShippedInstruments.FidelityKey)
            ?? throw new InvalidOperationException("The fidelity instrument is not published.");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var specialists = await users.GetUsersInRoleAsync(Roles.Jobbspesialist);
        foreach (var supervisor in await users.GetUsersInRoleAsync(Roles.Metodeveileder))
        {
            if (supervisor.TeamId is not { } teamId || await db.Set<FidelityRound>().AnyAsync(r => r.TeamId == teamId))
            {
                continue;
            }

            // A round with one specialist's answers shared with the metodeveileder (/Fidelity/Shared shows them).
            var round = await FidelityRound.OpenAsync(db, teamId, "Inklusjon", today.AddDays(-7), today.AddDays(21), instrument, supervisor.Id, today, now);
            var respondent = specialists.First(s => s.TeamId == teamId);
            var response = new FidelityResponse
            {
                RoundId = round.Id,
                RespondentId = respondent.Id,
                InstrumentKey = instrument.Key,
                InstrumentVersion = instrument.Version,
                AnswersJson = "{}",
                SubmittedAtUtc = now,
            };
            response.Record(AnswerSet.Empty with { InstrumentKey = instrument.Key, InstrumentVersion = instrument.Version }, shared: true, now);
            db.Add(response);
            await db.SaveChangesAsync();
        }
    }
}
