using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Audit;

namespace Trinn.Web.Tests.Audit;

/// <summary>
/// The app's reads go through the group-commit writer: many at once are all answered, every answered read has its
/// entry, and the chain stays intact while writes (which audit in their own transaction) run between them.
/// </summary>
public abstract class GroupCommitTests(TrinnFactory factory)
{
    [Fact]
    public async Task ManyReadsAndWritesAtOnce_EveryAnsweredReadIsAuditedAndTheChainIsIntact()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var reader = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);
        using var writer = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);
        var before = factory.Services.GetRequiredService<AuditWriter>().Committed.Events;
        var form = await writer.GetFormAsync($"/Candidates/Journal/{candidate.Id}");

        var reads = Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await reader.Http.GetAsync(new Uri($"/api/candidates/{candidate.Id}", UriKind.Relative));
            return response.StatusCode;
        }).ToList();
        var writes = Enumerable.Range(0, 5).Select(async i =>
        {
            using var response = await writer.PostFormAsync(form, new()
            {
                ["Input.Date"] = factory.Data.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Kind"] = "1",
                ["Input.Place"] = "1",
                ["Input.DurationMinutes"] = "30",
                ["Input.Text"] = $"Samtale {i}",
            });
            return response.StatusCode;
        }).ToList();

        Assert.All(await Task.WhenAll(reads), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(await Task.WhenAll(writes), s => Assert.Equal(HttpStatusCode.Redirect, s));
        var audited = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>()
            .CountAsync(e => e.CandidateId == candidate.Id && e.Action == AuditAction.Read && e.EntityType == "CandidateApi" && e.UserId == staff.Specialist.Id));
        Assert.Equal(40, audited);
        var notes = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>()
            .CountAsync(e => e.CandidateId == candidate.Id && e.Action == AuditAction.Create && e.EntityType == "JournalNote"));
        Assert.Equal(5, notes);
        Assert.True(factory.Services.GetRequiredService<AuditWriter>().Committed.Events - before >= 40);
        var verification = await factory.Data.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task DataProtectionKeys_LiveInTheDatabase_AndTheirKeyMaterialNeverReachesTheAuditTrail()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);

        var keys = await factory.Data.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        var key = Assert.Single(keys);
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
        var audited = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>()
            .Where(e => e.EntityType == nameof(DataProtectionKey)).Select(e => e.Changes).ToListAsync());
        Assert.NotEmpty(audited);
        Assert.All(audited, c => Assert.DoesNotContain("masterKey", c!, StringComparison.OrdinalIgnoreCase));
        Assert.All(audited, c => Assert.Contains("\"Xml\":[null,\"***\"]", c!, StringComparison.Ordinal));
    }
}

public sealed class GroupCommitSqliteTests(TrinnFactory factory) : GroupCommitTests(factory), IClassFixture<TrinnFactory>;

public sealed class GroupCommitPostgresTests(PostgresTrinnFactory factory) : GroupCommitTests(factory), IClassFixture<PostgresTrinnFactory>;
