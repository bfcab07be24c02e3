using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Core.Data;

public class TrinnDbContext(DbContextOptions<TrinnDbContext> options) : IdentityDbContext<TrinnUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<CooperationAgreement> CooperationAgreements => Set<CooperationAgreement>();

    public DbSet<StageChange> StageChanges => Set<StageChange>();

    public DbSet<JournalNote> JournalNotes => Set<JournalNote>();

    public DbSet<VocationalProfileVersion> ProfileVersions => Set<VocationalProfileVersion>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Times are stored in UTC; SQLite forgets the kind, so it is restored on read for both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrinnDbContext).Assembly);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
