using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Identity;
using Trinn.Core.Teams;

namespace Trinn.Core.Data;

/// <summary>
/// Trinn's database. Every save also appends what changed to the tamper-evident audit trail in the same
/// transaction (<see cref="AuditChain"/>), so no change is ever stored without its audit entry. Reads, refusals and
/// exports go through the app's <see cref="AuditWriter"/> (group commit) when there is one.
/// </summary>
public class TrinnDbContext : IdentityDbContext<TrinnUser>, IDataProtectionKeyContext
{
    private IAuditActor? actor;
    private TimeProvider _time = TimeProvider.System;
    private AuditWriter? auditWriter;

    /// <summary>A context without an actor or writer (the CLI, tools) until <see cref="Lease"/>; the one constructor, as the app's context pool requires.</summary>
    public TrinnDbContext(DbContextOptions<TrinnDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// Who the audit trail records, the clock and the group-commit writer, for one use of the context. The app pools its
    /// contexts (building one costs more than most of its queries) and sets these each time one is handed to a request
    /// (<see cref="DatabaseRegistration.AddTrinnData"/>), so nothing of one request's actor outlives it.
    /// </summary>
    public void Lease(IAuditActor? actor, TimeProvider? time, AuditWriter? auditWriter)
    {
        this.actor = actor;
        _time = time ?? TimeProvider.System;
        this.auditWriter = auditWriter;
        UncommittedCandidateChanges.Clear();
    }

    /// <summary>
    /// Candidates whose changes this context's open transaction has audited; <see cref="CandidateChangeFeed"/> tells them
    /// to the process when the transaction commits, and forgets them when it does not.
    /// </summary>
    internal HashSet<int> UncommittedCandidateChanges { get; } = [];

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Candidate> Candidates => Set<Candidate>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<CooperationAgreement> CooperationAgreements => Set<CooperationAgreement>();

    public DbSet<StageChange> StageChanges => Set<StageChange>();

    public DbSet<JournalNote> JournalNotes => Set<JournalNote>();

    public DbSet<VocationalProfileVersion> ProfileVersions => Set<VocationalProfileVersion>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The web tier's Data Protection key ring (cookies, antiforgery, reset links), shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Everything in Trinn saves asynchronously; the synchronous path exists for EF's own callers and follows the same rules.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        var pending = AuditCapture.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await WriteAuditAsync(pending.Select(p => p.ToEvent()).ToList(), cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return count;
    }

    /// <summary>
    /// Records events that are not changes (reads, refused access, exports) in the audit trail and returns when they
    /// are committed. Inside a transaction of the caller they become part of it; otherwise the app's group-commit
    /// writer takes them with other requests' events in one transaction.
    /// </summary>
    public async Task AuditAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        if (auditWriter is not null && Database.CurrentTransaction is null)
        {
            await auditWriter.AppendAsync(events, actor?.UserId, actor?.Role, cancellationToken);
            return;
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await WriteAuditAsync(events, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
    }

    private Task<AuditChainEnd> WriteAuditAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken) =>
        AuditChain.AppendAsync(this, events, actor, _time.GetUtcNow().UtcDateTime, cancellationToken);

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

    /// <summary>Bumps concurrency versions and keeps national-ID lookup hashes in step with the IDs.</summary>
    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries<Candidate>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(c => c.NationalId).IsModified))
            {
                entry.Entity.NationalIdHash = NationalIds.NationalIdProtector.Current.LookupHash(entry.Entity.NationalId);
            }
        }

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
