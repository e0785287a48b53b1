
describe('common pairs', () => {
  it('lists the pairs carried by more than a quarter of the pages, and the browser skips them', async () => {
    const { commonPairs, countPairs, queryPairs } = await import('../../src/lib/search/ranking.ts');
    const counts = new Map<string, number>();
    for (let i = 0; i < 8; i++) countPairs(counts, i < 3 ? 'danvan chinhquyen danvan' : 'danvan');
    // danvan: 8 of 8 pages; chinhquyen: 3 of 8 (above a quarter); counted once per page.
    expect(counts.get('danvan')).toBe(8);
    expect(commonPairs(counts, 8)).toEqual(['chinhquyen', 'danvan']);
    expect(commonPairs(counts, 20)).toEqual(['danvan']);
    expect(queryPairs('dan van kheo', new Set(['danvan']))).toEqual(['vankheo']);
  });
});
