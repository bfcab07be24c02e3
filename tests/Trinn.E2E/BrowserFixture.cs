using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.E2E;

/// <summary>
/// Runs Trinn on Kestrel on a free loopback port with a fresh SQLite database (real migrations), creates one user
/// per role, and drives Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Password = "E2e!Passord1";

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"trinn-e2e-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _factory = default!;
    private IPlaywright _playwright = default!;
    private Task<EveryPage.DemoSite>? _demoSite;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for tests that arrange data the UI cannot (such as a questionnaire with branching).</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={_dbPath}");
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("NationalIds:AllowSynthetic", "true");
            b.UseSetting("Security:SensitiveRequestsPerMinute", "100000");
            b.UseSetting("Urls", "http://127.0.0.1:0");
            // PBKDF2 at 1,000 iterations instead of 100,000: the same hasher, far less CPU per sign-in (see Trinn.Web.Tests' FastPasswordHashing).
            b.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');
        await SeedUsersAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRINN_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A second app with the demo installation, started the first time a test asks (the same browser drives it).</summary>
    public Task<EveryPage.DemoSite> DemoSiteAsync() => _demoSite ??= EveryPage.DemoSite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_demoSite is not null)
        {
            await (await _demoSite).DisposeAsync();
        }

        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A new browser context signed in as the given user (phone width when asked).</summary>
    public async Task<IPage> LoginAsync(string userName, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nb-NO",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("form.trinn-logout").CountAsync() == 0)
        {
            var cookies = await context.CookiesAsync();
            throw new Xunit.Sdk.XunitException(
                $"Login as {userName} failed: at {page.Url}, cookies [{string.Join(", ", cookies.Select(c => c.Name + "@" + c.Domain))}], page says: "
                + await page.Locator("main").InnerTextAsync());
        }

        return page;
    }

    private async Task SeedUsersAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrinnUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var team = new Team { Name = "Team 1" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        (string Name, string Role, bool InTeam)[] people =
        [
            ("js1", Roles.Jobbspesialist, true), ("js2", Roles.Jobbspesialist, true), ("mv1", Roles.Metodeveileder, true),
            ("nav1", Roles.NavVeileder, false), ("leder1", Roles.Leder, false), ("forsker1", Roles.Forsker, false), ("admin1", Roles.Admin, false),
        ];
        foreach (var (name, role, inTeam) in people)
        {
            var user = new TrinnUser { UserName = name, DisplayName = "E2E " + name, TeamId = inTeam ? team.Id : null, Fte = inTeam ? 1m : null };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, role);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
