using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Web.Tests.Fidelity;

/// <summary>
/// The same app on a fresh PostgreSQL database (real migrations) from <c>TRINN_TEST_POSTGRES</c>, which ./test.sh
/// sets after starting a throwaway cluster. Without it these tests fail with that explanation rather than pass unseen.
/// </summary>
public sealed class FidelityPostgresFactory : FidelityWebFactory
{
    private readonly TestPostgresDatabase database = new("trinn_fidelity_");

    protected override Dictionary<string, string?> Settings() => database.UseIn(base.Settings());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FidelityPostgresWebTests : ICollectionFixture<FidelityPostgresFactory>
{
    public const string Name = "fidelity-web-postgres";
}

[Collection(FidelityPostgresWebTests.Name)]
public sealed class FidelityPostgresTests(FidelityPostgresFactory factory)
{
    [Fact]
    public async Task Postgres_AnswerEditAndResults_WorkAsOnSqlite()
    {
        var round = await factory.AddRoundAsync(factory.Team1);
        await factory.AddResponseAsync(round, "js2", new() { [1] = [2], [7] = [] });
        var js1 = await factory.LoginAsync("js1");

        Assert.Equal(HttpStatusCode.Redirect, (await js1.PostAnswersAsync(round, [("item1", "4"), ("item7", ""), ("item7", "2")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await js1.PostAnswersAsync(round, [("item1", "5"), ("item7", ""), ("item7", "2")])).StatusCode);
        var leder = await factory.LoginAsync("leder1");
        var html = WebUtility.HtmlDecode(await leder.GetStringAsync($"/Fidelity/Results/{round}"));

        // Item 1: (2 + 5) / 2 = 3.5. Item 7 (ips_faithful): max(1, 0) = 1 and max(1, 1) = 1 → 1.0.
        Assert.Contains(" data-col=\"mean\">3,5</td>", html, StringComparison.Ordinal);
        Assert.Contains(" data-col=\"mean\">1,0</td>", html, StringComparison.Ordinal);
        Assert.Equal(["5"], (await factory.FindResponseAsync(round, "js1"))!.Answers().Ticked("item1"));
    }

    [Fact]
    public async Task Postgres_SecondResponseOfSameRespondentInRound_IsRejectedByTheDatabase()
    {
        var round = await factory.AddRoundAsync(factory.Team2);
        await factory.AddResponseAsync(round, "js3", new() { [1] = [3] });

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.AddResponseAsync(round, "js3", new() { [1] = [4] }));
    }

    [Fact]
    public async Task Postgres_RoundOnAnInstrumentVersionThatIsNotStored_IsRejectedByTheDatabase()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        db.Add(new FidelityRound
        {
            TeamId = factory.Team1,
            Label = FidelityTestData.UniqueLabel(),
            OpensOn = factory.Today,
            ClosesOn = factory.Today,
            InstrumentKey = ShippedInstruments.FidelityKey,
            InstrumentVersion = 999,
            CreatedById = factory.UserIds["mv1"],
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
