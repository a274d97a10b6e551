import type { FastifyInstance } from 'fastify';

/** The operator's console at /_cogniform/ui (issue [I] §3). */
export function registerConsole(_app: FastifyInstance): void {}
