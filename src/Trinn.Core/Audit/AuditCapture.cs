using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Trinn.Core.Candidates;

namespace Trinn.Core.Audit;

/// <summary>Turns tracked changes into audit events: which entity, which candidate, and each field's old and new value.</summary>
internal static class AuditCapture
{
    /// <summary>Recorded as changed, never with their values: secrets, and national IDs (kept out of the trail).</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", nameof(Candidate.NationalId),
        nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey.Xml),
    };

    /// <summary>Bookkeeping that changes on every use and says nothing about who did what.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "LastUsedAtUtc", "Version", "ConcurrencyStamp",
    };

    public sealed class Pending(EntityEntry entry, AuditAction action, Dictionary<string, object?[]> changes)
    {
        public AuditEvent ToEvent()
        {
            var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
            var id = key is null ? null : string.Join(",", key);
            if (action == AuditAction.Create)
            {
                foreach (var p in entry.Properties.Where(p => !Ignored.Contains(p.Metadata.Name)))
                {
                    changes[p.Metadata.Name] = [null, Secret.Contains(p.Metadata.Name) ? "***" : p.CurrentValue];
                }
            }

            int? candidateId = entry.Entity switch
            {
                Candidate c => c.Id,
                _ => entry.Metadata.FindProperty("CandidateId") is { } prop ? entry.Property(prop.Name).CurrentValue as int? : null,
            };
            return new AuditEvent(action, entry.Metadata.ClrType.Name, id, candidateId,
                changes.Count == 0 ? null : JsonSerializer.Serialize(changes));
        }
    }

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or AuditHead or AuditCheckpoint || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            switch (entry.State)
            {
                case EntityState.Modified:
                    foreach (var p in entry.Properties.Where(p => p.IsModified && !Ignored.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)))
                    {
                        changes[p.Metadata.Name] = Secret.Contains(p.Metadata.Name) ? ["***", "***"] : [p.OriginalValue, p.CurrentValue];
                    }

                    if (changes.Count == 0)
                    {
                        continue;
                    }

                    pending.Add(new Pending(entry, AuditAction.Update, changes));
                    break;
                case EntityState.Deleted:
                    foreach (var p in entry.Properties.Where(p => !Ignored.Contains(p.Metadata.Name)))
                    {
                        changes[p.Metadata.Name] = [Secret.Contains(p.Metadata.Name) ? "***" : p.OriginalValue, null];
                    }

                    pending.Add(new Pending(entry, AuditAction.Delete, changes));
                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                case EntityState.Added:
                default:
                    pending.Add(new Pending(entry, AuditAction.Create, changes));
                    break;
            }
        }

        return pending;
    }
}
