"""zhenggai.facts"""
