using BenchmarkDotNet.Attributes;
using Trinn.Core.NationalIds;

namespace Trinn.Benchmarks;

/// <summary>Cost per candidate row of validating, encrypting, decrypting and hashing a national ID.</summary>
[MemoryDiagnoser]
public class NationalIdBenchmarks
{
    private readonly string _number = "01818012337";
    private readonly NationalIdProtector _protector = NationalIdProtector.Development;
    private string _protected = "";

    [GlobalSetup]
    public void Setup() => _protected = _protector.Protect(_number);

    [Benchmark]
    public bool Validate() => NationalIdNumber.Check(_number, allowSynthetic: true).IsValid;

    [Benchmark]
    public string Protect() => _protector.Protect(_number);

    [Benchmark]
    public string Unprotect() => _protector.Unprotect(_protected);

    [Benchmark]
    public string LookupHash() => _protector.LookupHash(_number);
}
