using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Web.Tests.Fidelity;

[Collection(FidelityWebTests.Name)]
public sealed class InstrumentStoreTests(FidelityWebFactory factory)
{
    [Fact]
    public async Task StartUp_ShippedInstruments_AreStoredAsPublishedVersions()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();

        foreach (var shipped in ShippedInstruments.All)
        {
            var stored = await InstrumentStore.FindAsync(db, shipped.Key, shipped.Version);
            Assert.NotNull(stored);
            Assert.Equal(InstrumentJson.Serialize(shipped), InstrumentJson.Serialize(stored));
        }
    }

    [Fact]
    public async Task Publish_SameDefinitionAgain_AddsNoRow()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var before = await db.Set<InstrumentVersion>().CountAsync();

        var again = await InstrumentStore.PublishAsync(db, ShippedInstruments.Fidelity, DateTime.UtcNow);

        Assert.Equal(before, await db.Set<InstrumentVersion>().CountAsync());
        Assert.Equal(ShippedInstruments.Fidelity.Version, again.Version);
    }

    [Fact]
    public async Task Publish_ChangedDefinitionUnderAPublishedVersion_BecomesANewVersion_AndTheOldOneIsUnchanged()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var key = "store_test_" + Guid.NewGuid().ToString("N")[..8];
        var v1 = ShippedInstruments.Fidelity with { Key = key, Version = 1 };
        var original = await InstrumentStore.PublishAsync(db, v1, DateTime.UtcNow);
        var changed = v1 with { Title = "Endret tittel" }; // still says version 1

        var stored = await InstrumentStore.PublishAsync(db, changed, DateTime.UtcNow);
        var storedAgain = await InstrumentStore.PublishAsync(db, changed, DateTime.UtcNow);

        Assert.Equal(2, stored.Version);
        Assert.Equal(stored.Id, storedAgain.Id);
        Assert.Equal(v1.Title, (await InstrumentStore.FindAsync(db, key, 1))!.Title);
        Assert.Equal("Endret tittel", (await InstrumentStore.FindAsync(db, key, 2))!.Title);
        Assert.Equal(2, (await InstrumentStore.LatestAsync(db, key))!.Version);
        Assert.Equal(original.DefinitionJson, (await db.Set<InstrumentVersion>().AsNoTracking().SingleAsync(v => v.Key == key && v.Version == 1)).DefinitionJson);
    }
}
