using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Fidelity;

/// <summary>
/// A published instrument version stored as data: the definition's JSON (<see cref="InstrumentJson"/>) under
/// (<see cref="Key"/>, <see cref="Version"/>). Rows are only ever added, never updated, so answers given under a
/// version always find the exact questions they were given to.
/// </summary>
public class InstrumentVersion
{
    public const int KeyMaxLength = 64;
    public const int TitleMaxLength = 200;

    public int Id { get; set; }

    public required string Key { get; set; }

    public int Version { get; set; }

    public required string Title { get; set; }

    public required string DefinitionJson { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    public InstrumentDefinition Definition() => InstrumentJson.Deserialize(DefinitionJson);
}

internal sealed class InstrumentVersionConfiguration : IEntityTypeConfiguration<InstrumentVersion>
{
    public void Configure(EntityTypeBuilder<InstrumentVersion> builder)
    {
        builder.Property(v => v.Key).HasMaxLength(InstrumentVersion.KeyMaxLength);
        builder.Property(v => v.Title).HasMaxLength(InstrumentVersion.TitleMaxLength);
        builder.HasIndex(v => new { v.Key, v.Version }).IsUnique();
    }
}
