import { Injectable } from '@nestjs/common';
import type { Actor } from '@ducha/common';
import { resultsBulletin, resultsWorkbook } from './round-exports.js';
import { ResultsService } from './results.service.js';

/** A built file: its name as the user sees it, and its bytes. */
export interface RoundExportFile {
  fileName: string;
  content: Buffer;
}

/**
 * A round's downloadable files, built once for both ways of getting them: the GET endpoints and
 * the export job. Each reads the results as the actor may see them, so access is the results' own.
 */
@Injectable()
export class RoundExportService {
  constructor(private readonly results: ResultsService) {}

  /** Refuses exactly as the files would (unknown round, or one the actor may not read), building nothing. */
  async authorize(actor: Actor, roundId: string): Promise<void> {
    await this.results.roundResults(actor, roundId);
  }

  async resultsSheet(actor: Actor, roundId: string): Promise<RoundExportFile> {
    const results = await this.results.roundResults(actor, roundId);
    return { fileName: `${results.round.name}-结果.xlsx`, content: await resultsWorkbook(results) };
  }

  async bulletin(actor: Actor, roundId: string): Promise<RoundExportFile> {
    const results = await this.results.roundResults(actor, roundId);
    return { fileName: `${results.round.name}-通报.docx`, content: await resultsBulletin(results) };
  }
}
