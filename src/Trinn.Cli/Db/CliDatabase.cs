using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trinn.Core.Data;
using Trinn.Core.NationalIds;

namespace Trinn.Cli.Db;

/// <summary>
/// The CLI reads the same settings as the web app: <c>appsettings.json</c> in the current folder (optional),
/// then the environment (<c>Database__Provider</c>, <c>Database__ConnectionString</c>), then command-line options.
/// </summary>
internal static class CliDatabase
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>
    /// The database settings after the command-line options, bound and checked by the same registration as the web app
    /// (<see cref="DatabaseRegistration.AddTrinnData"/>): a missing or invalid setting or national-ID key is a
    /// <see cref="CliException"/> with the reason, before any database work. Missing keys fall back to the development
    /// keys with a warning, as before.
    /// </summary>
    public static DatabaseOptions Options(string? provider, string? connection)
    {
        var overrides = new Dictionary<string, string?>();
        if (provider is not null)
        {
            overrides[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"] =
                Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p)
                    ? p.ToString()
                    : throw new CliException($"Unknown provider '{provider}': use Sqlite or Postgres.");
        }

        if (connection is not null)
        {
            overrides[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}"] = connection;
        }

        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Configuration())
            .AddInMemoryCollection(overrides)
            .Build();
        using var services = new ServiceCollection()
            .AddTrinnData(configuration, Directory.GetCurrentDirectory(), developmentKeysAllowed: true)
            .BuildServiceProvider();
        try
        {
            services.ValidateTrinnSettings();
            if (services.GetRequiredService<IOptions<NationalIdOptions>>().Value.HasNoKeys)
            {
                Console.Error.WriteLine("trinn: NationalIds:EncryptionKey/LookupKey not set; using the DEVELOPMENT keys.");
            }

            return services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new CliException(string.Join(" ", ex.Failures), ex);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own message names the setting and the value it could not read.
            throw new CliException(ex.Message, ex);
        }
    }

    public static TrinnDbContext Open(DatabaseOptions options) =>
        DatabaseRegistration.CreateContext(options.Provider, options.ResolveConnectionString(Directory.GetCurrentDirectory()));
}

internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
