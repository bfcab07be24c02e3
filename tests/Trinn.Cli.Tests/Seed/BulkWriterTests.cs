using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trinn.Cli.Seed;
using Trinn.Cli.Tests.Backup;
using Trinn.Core.Identity;
using Trinn.Core.Teams;
using Trinn.Core.TimeLog;

namespace Trinn.Cli.Tests.Seed;

/// <summary>
/// The bulk writer stores a value exactly as EF does (same storage class and text on SQLite, same value on PostgreSQL)
/// for every kind of column the generators write: text, integers, booleans, enums, decimals, dates, UTC times.
/// </summary>
public abstract class BulkWriterTests(ScratchDatabases databases) : IAsyncLifetime
{
    [Fact]
    public async Task BulkRow_SameValuesAsEf_StoredAlike()
    {
        var connection = await databases.CreateAsync();
        var created = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_560);
        var date = new DateOnly(2026, 3, 4);
        string userId;
        await using (var db = databases.Open(connection))
        {
            await db.Database.MigrateAsync();
            var team = new Team { Name = "Bulk" };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var user = new TrinnUser { Id = "ef-user", UserName = "ef", DisplayName = "Via EF", TeamId = team.Id, Fte = 0.75m, EmailConfirmed = true, LockoutEnabled = true };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            userId = user.Id;
            db.Add(TimeBlock.Create(user.Id, date, 90, TimeCategory.Travel, true, "Tur", date, created));
            await db.SaveChangesAsync();
        }

        await using (var db = databases.Open(connection))
        {
            await using var writer = await BulkWriter.OpenAsync(db, CancellationToken.None);
            await using (var users = writer.Table<TrinnUser>(
                nameof(TrinnUser.Id), nameof(TrinnUser.UserName), nameof(TrinnUser.DisplayName), nameof(TrinnUser.TeamId), nameof(TrinnUser.Fte),
                nameof(TrinnUser.EmailConfirmed), nameof(TrinnUser.LockoutEnabled), nameof(TrinnUser.PhoneNumberConfirmed), nameof(TrinnUser.TwoFactorEnabled),
                nameof(TrinnUser.AccessFailedCount)))
            {
                users.Add("bulk-user", "bulk", "Via EF", 1, 0.75m, true, true, false, false, 0);
            }

            await using (var blocks = writer.Table<TimeBlock>(
                nameof(TimeBlock.Id), nameof(TimeBlock.UserId), nameof(TimeBlock.Date), nameof(TimeBlock.Minutes), nameof(TimeBlock.Category),
                nameof(TimeBlock.OutOfOffice), nameof(TimeBlock.Note), nameof(TimeBlock.CreatedAtUtc), nameof(TimeBlock.Version)))
            {
                blocks.Add(1000, userId, date, 90, TimeCategory.Travel, true, "Tur", created, 0L);
            }

            await writer.CompleteAsync(CancellationToken.None);
        }

        await using var check = databases.Open(connection);
        Assert.Equal(
            await RowAsync(check, "SELECT \"TeamId\", \"Fte\", \"EmailConfirmed\", \"LockoutEnabled\", \"AccessFailedCount\" FROM \"AspNetUsers\" WHERE \"Id\" = 'ef-user'"),
            await RowAsync(check, "SELECT \"TeamId\", \"Fte\", \"EmailConfirmed\", \"LockoutEnabled\", \"AccessFailedCount\" FROM \"AspNetUsers\" WHERE \"Id\" = 'bulk-user'"));
        Assert.Equal(
            await RowAsync(check, "SELECT \"Date\", \"Minutes\", \"Category\", \"OutOfOffice\", \"Note\", \"CreatedAtUtc\", \"Version\" FROM \"TimeBlock\" WHERE \"Id\" <> 1000"),
            await RowAsync(check, "SELECT \"Date\", \"Minutes\", \"Category\", \"OutOfOffice\", \"Note\", \"CreatedAtUtc\", \"Version\" FROM \"TimeBlock\" WHERE \"Id\" = 1000"));

        // And EF reads the bulk row back as the same values.
        var block = await check.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.Id == 1000);
        Assert.Equal((date, TimeCategory.Travel, created), (block.Date, block.Category, block.CreatedAtUtc));
        Assert.Equal(0.75m, (await check.Users.AsNoTracking().SingleAsync(u => u.Id == "bulk-user")).Fte);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await databases.DisposeAsync();

    /// <summary>Each column's stored value with its runtime type (on SQLite the type is the storage class).</summary>
    private static async Task<string> RowAsync(Core.Data.TrinnDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
            ? "NULL"
            : $"{reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}"));
    }
}

public sealed class BulkWriterSqliteTests() : BulkWriterTests(new SqliteScratchDatabases());

public sealed class BulkWriterPostgresTests() : BulkWriterTests(new PostgresScratchDatabases());
